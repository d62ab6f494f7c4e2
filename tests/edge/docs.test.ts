import { describe, expect, it } from 'vitest';
import { api } from '../support/http';

describe('API documentation', () => {
  it('merges every worker fragment into one OpenAPI document', async () => {
    const response = await api('/openapi.json', { auth: null });
    const document = await response.json<{ openapi: string; paths: Record<string, unknown>; components: { securitySchemes: object } }>();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/',
        '/chains/health',
        '/connectors/health',
        '/connectors/{dex}/amm/quote-swap',
        '/connectors/{dex}/amm/execute-swap',
        '/pools',
        '/pools/find',
        '/pools/save/{address}',
        '/pools/{tradingPair}',
        '/trading/swap/quote',
        '/trading/swap/execute',
        '/trading/health',
        '/portfolio/health',
        '/market-data/health',
        '/bot-orchestration/commands',
        '/bot-orchestration/commands/{id}',
        '/accounts',
        '/accounts/{account_name}/credentials',
        '/accounts/add-account',
        '/accounts/delete-account',
        '/accounts/add-credential/{account_name}/{connector_name}',
        '/accounts/delete-credential/{account_name}/{connector_name}',
        '/accounts/gateway/wallets',
        '/accounts/gateway/add-wallet',
        '/accounts/gateway/wallet/set-default',
        '/accounts/gateway/{chain}/{address}',
        '/connectors',
        '/connectors/{connector_name}/config-map',
        '/connectors/{connector_name}/trading-rules',
        '/connectors/{connector_name}/order-types',
      ]),
    );
    expect(document.components.securitySchemes).toHaveProperty('basicAuth');
    expect(document.components.securitySchemes).toHaveProperty('bearerAuth');
    const gatewayPath = await api('/docs/json', { auth: null });
    expect(await gatewayPath.json()).toEqual(document);
  });

  it('serves the interactive docs page over the merged document', async () => {
    const response = await api('/docs', { auth: null });
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('/openapi.json');
    const script = await api('/docs/assets/swagger-ui-bundle.js', { auth: null });
    expect(script.status).toBe(200);
    expect((await script.text()).length).toBeGreaterThan(100_000);
    expect((await api('/docs/assets/package.json', { auth: null })).status).toBe(404);
  });
});

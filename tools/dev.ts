// `npm run dev`: the whole product on this machine (tools/stack.ts), with where to reach it printed.
// Ctrl-C stops everything it started.
import { existsSync, readFileSync } from 'node:fs';
import { localnetDevWallet } from '../lib/chains/ethereum/localnet';
import { SOLANA_LOCALNET_DEV_WALLET } from '../lib/chains/solana/localnet';
import { DEV_ACCOUNTS } from './exchange/dev-accounts';
import { LOCAL_EXCHANGE_CONNECTORS, startStack, type Stack } from './stack';

/** Where `npm run dev` runs the local exchange (printed in the banner). */
const LOCAL_EXCHANGE_PORT = 15890;

const DEV_DEFAULTS = {
  USERNAME: 'admin',
  PASSWORD: 'admin',
  API_KEY: 'colibri-dev-key',
  // Fixed dev-only secrets so local wallets survive restarts; a deployment sets its own.
  MASTER_KEY: 'colibri-development-master-key',
  GATEWAY_PASSPHRASE: 'colibri-dev-passphrase',
};

function readDevVars(): Record<string, string> {
  if (!existsSync('.dev.vars')) return {};
  const entries = readFileSync('.dev.vars', 'utf8')
    .split('\n')
    .map((line) => line.match(/^\s*([A-Z0-9_]+)\s*=\s*"?(.*?)"?\s*$/))
    .filter((match): match is RegExpMatchArray => match !== null);
  return Object.fromEntries(entries.map(([, key, value]) => [key, value]));
}

const started = Date.now();
const step = (message: string) => console.log(`[colibri] ${message} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
let stack: Stack | undefined;

async function shutdown(code: number): Promise<never> {
  await stack?.stop();
  process.exit(code);
}

async function main() {
  const devVars = readDevVars();
  // Environment first, then `.dev.vars`, then the dev defaults.
  const credentials = Object.fromEntries(
    Object.entries(DEV_DEFAULTS).map(([name, fallback]) => [name, process.env[name] ?? devVars[name] ?? fallback]),
  ) as typeof DEV_DEFAULTS;
  stack = await startStack({
    port: Number(process.env.PORT ?? 15888),
    databaseUrl: process.env.DATABASE_URL,
    stateDir: process.env.COLIBRI_HOME ?? '.colibri',
    evmPort: Number(process.env.EVM_PORT ?? 8545),
    solanaPort: Number(process.env.SOLANA_PORT ?? 8899),
    exchangePort: Number(process.env.EXCHANGE_PORT ?? LOCAL_EXCHANGE_PORT),
    jupiterPort: process.env.JUPITER_PORT ? Number(process.env.JUPITER_PORT) : undefined,
    credentials,
    log: step,
  });
  step('first 200 through the edge');
  void stack.exited.then((code) => {
    console.error(`[colibri] wrangler dev exited (${code})`);
    void shutdown(code ?? 1);
  });
  const base = stack.baseUrl;
  console.log(`
  Colibri is running
    API          ${base}
    Docs         ${base}/docs   (OpenAPI: ${base}/openapi.json)
    Basic auth   ${credentials.USERNAME} / ${credentials.PASSWORD}
    Bearer key   ${credentials.API_KEY}
    Passphrase   ${credentials.GATEWAY_PASSPHRASE} (for /wallet/show-private-key)
    Database     ${stack.databaseLabel}
    EVM          ethereum-localnet ${stack.evm.rpcUrl}, dev wallet ${localnetDevWallet.address}
                 key ${localnetDevWallet.privateKey} (anvil's public test key)
    Solana       solana-localnet ${stack.solana.rpcUrl}, dev wallet ${SOLANA_LOCALNET_DEV_WALLET.publicKey}
    Jupiter      LOCAL stand-in of Jupiter's Swap API at ${stack.jupiter.url} (tools/jupiter/, set by EXCHANGE_BASE_URLS)
    Exchanges    ${LOCAL_EXCHANGE_CONNECTORS.join(' and ')} are LOCAL, not Binance: the local exchange at ${stack.exchange.url}
                 (tools/exchange/, set by EXCHANGE_BASE_URLS); the other connectors would reach the real exchanges.
                 master_account holds dev key ${DEV_ACCOUNTS[0].apiKey}
                 (secret ${DEV_ACCOUNTS[0].apiSecret}; more dev keys in tools/exchange/dev-accounts.ts)

  Try: curl -u ${credentials.USERNAME}:${credentials.PASSWORD} -H 'content-type: application/json' \\
         -d '{"network":"localnet","tokens":["ETH","USDC"]}' ${base}/chains/ethereum/balances
       curl -u ${credentials.USERNAME}:${credentials.PASSWORD} '${base}/connectors/binance/trading-rules?trading_pairs=BTC-USDT'
  Ctrl-C stops everything.
`);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch(async (err) => {
  console.error(`[colibri] dev failed: ${err instanceof Error ? err.message : err}`);
  await shutdown(1);
});

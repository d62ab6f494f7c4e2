import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UNISWAP_ADDRESSES_FILE, uniswapAddresses } from '../../tools/generate-connector-addresses';

describe('connector addresses', () => {
  it('the committed Uniswap addresses are what the installed @uniswap/sdk-core lists (else run `npm run connectors:generate`)', () => {
    const committed: unknown = JSON.parse(readFileSync(UNISWAP_ADDRESSES_FILE, 'utf8'));
    expect(committed).toEqual(uniswapAddresses());
  });
});

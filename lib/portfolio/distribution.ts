import { divide, toNumber, toScaled, type Scaled } from '../scaled-decimal';
import type { PortfolioState } from './state';

const percent = (part: Scaled, whole: Scaled) => (whole === 0n ? 0 : toNumber(divide(part * 100n, whole)));

/** Holdings by token across accounts and connectors: the same shape whatever the filters. */
export function tokenDistribution(state: PortfolioState, accountFilter: string) {
  type Place = { value: Scaled; units: Scaled; connectors: Map<string, { value: Scaled; units: Scaled }> };
  const tokens = new Map<string, { value: Scaled; units: Scaled; accounts: Map<string, Place> }>();
  let total = 0n;
  for (const [account, connectors] of Object.entries(state)) {
    for (const [connector, rows] of Object.entries(connectors)) {
      for (const row of rows) {
        const [value, units] = [toScaled(row.value), toScaled(row.units)];
        total += value;
        const token = tokens.get(row.token) ?? { value: 0n, units: 0n, accounts: new Map<string, Place>() };
        token.value += value;
        token.units += units;
        const place = token.accounts.get(account) ?? { value: 0n, units: 0n, connectors: new Map() };
        place.value += value;
        place.units += units;
        const at = place.connectors.get(connector) ?? { value: 0n, units: 0n };
        place.connectors.set(connector, { value: at.value + value, units: at.units + units });
        token.accounts.set(account, place);
        tokens.set(row.token, token);
      }
    }
  }
  const distribution = [...tokens]
    .sort(([a, x], [b, y]) => (y.value > x.value ? 1 : y.value < x.value ? -1 : a.localeCompare(b)))
    .map(([token, held]) => ({
      token,
      total_value: toNumber(held.value),
      total_units: toNumber(held.units),
      percentage: percent(held.value, total),
      accounts: Object.fromEntries(
        [...held.accounts].map(([account, place]) => [
          account,
          {
            value: toNumber(place.value),
            units: toNumber(place.units),
            percentage: percent(place.value, held.value),
            connectors: Object.fromEntries([...place.connectors].map(([connector, at]) => [connector, { value: toNumber(at.value), units: toNumber(at.units) }])),
          },
        ]),
      ),
    }));
  return { total_portfolio_value: toNumber(total), token_count: distribution.length, distribution, account_filter: accountFilter };
}

/** Value by account and connector. */
export function accountsDistribution(state: PortfolioState) {
  const accounts = Object.entries(state).map(([account, connectors]) => {
    const byConnector = Object.entries(connectors).map(([connector, rows]) => [connector, rows.reduce((sum, row) => sum + toScaled(row.value), 0n)] as const);
    return { account, value: byConnector.reduce((sum, [, value]) => sum + value, 0n), byConnector };
  });
  const total = accounts.reduce((sum, account) => sum + account.value, 0n);
  return {
    total_portfolio_value: toNumber(total),
    account_count: accounts.length,
    distribution: accounts
      .sort((a, b) => (b.value > a.value ? 1 : b.value < a.value ? -1 : a.account.localeCompare(b.account)))
      .map((account) => ({
        account: account.account,
        total_value: toNumber(account.value),
        percentage: percent(account.value, total),
        connectors: Object.fromEntries(account.byConnector.map(([connector, value]) => [connector, { value: toNumber(value), percentage: percent(value, account.value) }])),
      })),
  };
}

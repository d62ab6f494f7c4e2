import { Decimal } from '../decimal';
import type { PortfolioState } from './state';

const percent = (part: Decimal, whole: Decimal) => (whole.isZero() ? 0 : part.times(100).dividedBy(whole).toNumber());

/** Holdings by token across accounts and connectors: the same shape whatever the filters. */
export function tokenDistribution(state: PortfolioState, accountFilter: string) {
  type Place = { value: Decimal; units: Decimal; connectors: Map<string, { value: Decimal; units: Decimal }> };
  const tokens = new Map<string, { value: Decimal; units: Decimal; accounts: Map<string, Place> }>();
  let total = Decimal.ZERO;
  for (const [account, connectors] of Object.entries(state)) {
    for (const [connector, rows] of Object.entries(connectors)) {
      for (const row of rows) {
        const [value, units] = [Decimal.from(row.value), Decimal.from(row.units)];
        total = total.plus(value);
        const token = tokens.get(row.token) ?? { value: Decimal.ZERO, units: Decimal.ZERO, accounts: new Map<string, Place>() };
        token.value = token.value.plus(value);
        token.units = token.units.plus(units);
        const place = token.accounts.get(account) ?? { value: Decimal.ZERO, units: Decimal.ZERO, connectors: new Map() };
        place.value = place.value.plus(value);
        place.units = place.units.plus(units);
        const at = place.connectors.get(connector) ?? { value: Decimal.ZERO, units: Decimal.ZERO };
        place.connectors.set(connector, { value: at.value.plus(value), units: at.units.plus(units) });
        token.accounts.set(account, place);
        tokens.set(row.token, token);
      }
    }
  }
  const distribution = [...tokens]
    .sort(([a, x], [b, y]) => y.value.compare(x.value) || a.localeCompare(b))
    .map(([token, held]) => ({
      token,
      total_value: held.value.toNumber(),
      total_units: held.units.toNumber(),
      percentage: percent(held.value, total),
      accounts: Object.fromEntries(
        [...held.accounts].map(([account, place]) => [
          account,
          {
            value: place.value.toNumber(),
            units: place.units.toNumber(),
            percentage: percent(place.value, held.value),
            connectors: Object.fromEntries([...place.connectors].map(([connector, at]) => [connector, { value: at.value.toNumber(), units: at.units.toNumber() }])),
          },
        ]),
      ),
    }));
  return { total_portfolio_value: total.toNumber(), token_count: distribution.length, distribution, account_filter: accountFilter };
}

/** Value by account and connector. */
export function accountsDistribution(state: PortfolioState) {
  const accounts = Object.entries(state).map(([account, connectors]) => {
    const byConnector = Object.entries(connectors).map(([connector, rows]) => [connector, rows.reduce((sum, row) => sum.plus(row.value), Decimal.ZERO)] as const);
    return { account, value: byConnector.reduce((sum, [, value]) => sum.plus(value), Decimal.ZERO), byConnector };
  });
  const total = accounts.reduce((sum, account) => sum.plus(account.value), Decimal.ZERO);
  return {
    total_portfolio_value: total.toNumber(),
    account_count: accounts.length,
    distribution: accounts
      .sort((a, b) => b.value.compare(a.value) || a.account.localeCompare(b.account))
      .map((account) => ({
        account: account.account,
        total_value: account.value.toNumber(),
        percentage: percent(account.value, total),
        connectors: Object.fromEntries(account.byConnector.map(([connector, value]) => [connector, { value: value.toNumber(), percentage: percent(value, account.value) }])),
      })),
  };
}

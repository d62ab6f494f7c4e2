// The few /sapi wallet and margin reads CCXT's binance makes in loadMarkets with its default options
// (fetchCurrencies, fetchMargins), so an unconfigured client loads markets too. No margin trading is
// offered here: the margin pair lists are empty.
import { formatDecimal } from './decimal';
import { owner, type Route } from './routes';
import type { SpotVenue } from './spot';

const COINS: Record<string, { name: string; network: string; networkName: string; withdrawFee: string; withdrawMin: string; addressRegex: string }> = {
  BTC: { name: 'Bitcoin', network: 'BTC', networkName: 'Bitcoin', withdrawFee: '0.0000036', withdrawMin: '0.00001', addressRegex: '^(bc1|[13])[a-zA-HJ-NP-Z0-9]{25,62}$' },
  ETH: { name: 'Ethereum', network: 'ETH', networkName: 'Ethereum (ERC20)', withdrawFee: '0.00024', withdrawMin: '0.001', addressRegex: '^(0x)[0-9A-Fa-f]{40}$' },
  SOL: { name: 'Solana', network: 'SOL', networkName: 'Solana', withdrawFee: '0.001', withdrawMin: '0.01', addressRegex: '^[1-9A-HJ-NP-Za-km-z]{32,44}$' },
  BNB: { name: 'BNB', network: 'BSC', networkName: 'BNB Smart Chain (BEP20)', withdrawFee: '0.00001', withdrawMin: '0.0005', addressRegex: '^(0x)[0-9A-Fa-f]{40}$' },
  USDT: { name: 'TetherUS', network: 'ETH', networkName: 'Ethereum (ERC20)', withdrawFee: '1', withdrawMin: '2', addressRegex: '^(0x)[0-9A-Fa-f]{40}$' },
};

export function walletRoutes(venue: SpotVenue): Route[] {
  return [
    {
      method: 'GET',
      path: '/sapi/v1/capital/config/getall',
      security: 'SIGNED',
      weight: 10,
      handle: (context) =>
        venue.balancesOf(owner(context)).map(({ asset, free, locked }) => {
          const coin = COINS[asset];
          return {
            coin: asset,
            depositAllEnable: true,
            free: formatDecimal(free),
            freeze: '0',
            ipoable: '0',
            ipoing: '0',
            isLegalMoney: false,
            locked: formatDecimal(locked),
            name: coin?.name ?? asset,
            networkList: coin
              ? [
                  {
                    addressRegex: coin.addressRegex,
                    coin: asset,
                    depositDesc: '',
                    depositEnable: true,
                    isDefault: true,
                    memoRegex: '',
                    minConfirm: 1,
                    name: coin.networkName,
                    network: coin.network,
                    specialTips: '',
                    unLockConfirm: 0,
                    withdrawDesc: '',
                    withdrawEnable: true,
                    withdrawFee: coin.withdrawFee,
                    withdrawIntegerMultiple: '0.00000001',
                    withdrawMax: '9999999999.99999999',
                    withdrawMin: coin.withdrawMin,
                    sameAddress: false,
                    estimatedArrivalTime: 5,
                    busy: false,
                  },
                ]
              : [],
            storage: '0',
            trading: true,
            withdrawAllEnable: true,
            withdrawing: '0',
          };
        }),
    },
    { method: 'GET', path: '/sapi/v1/margin/allPairs', security: 'MARKET_DATA', weight: 1, handle: () => [] },
    { method: 'GET', path: '/sapi/v1/margin/isolated/allPairs', security: 'SIGNED', weight: 10, handle: () => [] },
  ];
}

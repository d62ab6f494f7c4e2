// Funded API key pairs of the local exchange, published like anvil's dev accounts: they sign
// requests to http://127.0.0.1:PORT only and hold nothing anywhere else. Listed in README.md.

export interface DevAccount {
  /** Sent as X-MBX-APIKEY. */
  apiKey: string;
  /** HMAC-SHA256 key of the `signature` parameter. */
  apiSecret: string;
  /** Spot balances at start, per asset (decimal text). */
  spot: Record<string, string>;
  /** USD-M futures wallet at start, per margin asset. */
  futures: Record<string, string>;
}

const SPOT_FUNDS = { USDT: '1000000', BTC: '10', ETH: '100', SOL: '1000', BNB: '500' };
const FUTURES_FUNDS = { USDT: '1000000' };

export const DEV_ACCOUNTS: DevAccount[] = [
  {
    apiKey: 'XmhACQqAsnXfUsyKEHuNzqJ0GZuESfyXn3o0qQTJhZolQWbaSDLa5hc5nS5RKWAN',
    apiSecret: 'yEwVFqyZGLb4o3IyPmSjVorhUveUcuyVOJ53vSG17PsR2Aj4DJcPKrBWEo8FM7Ua',
    spot: SPOT_FUNDS,
    futures: FUTURES_FUNDS,
  },
  {
    apiKey: 'Ek2oC9g9MUG9eiGXj8g8lxp3SqtGBz1s875fHvRz98sP9GxRNXy0TmgV4hcb7LRT',
    apiSecret: 'CXJUPQiB4StwEul6bTTs4IT0eIEvGca9g1nrByatUsJam38GfUbPumpGLMVAtBIX',
    spot: SPOT_FUNDS,
    futures: FUTURES_FUNDS,
  },
  {
    apiKey: 'Ab7lZ04On8OzBrbm2wqyUDWPt9GP7whPFhgw0hcmjXk2jrr4fb8vzNFe8IYr9fbi',
    apiSecret: 'hD8CqSoPSlkkoy9HGqpj4ChF2KPN7Sjnx9cyTKbrcvIqvv126uGNOfO8JW07nOxc',
    spot: SPOT_FUNDS,
    futures: FUTURES_FUNDS,
  },
  {
    apiKey: 'OLEsOQE7iawNrmBU02j7XvUPNwjjInjp7wdWrlAj3gwYjwqUsCMWbZLzbNCy6lIX',
    apiSecret: 'oI9aonOljTMwHbnXMC1CYs1ZM2q9Zkfu1Q9ZP93WYlqWclLKB1eseaT38i3WksYy',
    spot: { USDT: '1000', BTC: '0', ETH: '0', SOL: '0', BNB: '0' },
    futures: { USDT: '1000' },
  },
];

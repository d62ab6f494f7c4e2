// Binance's error payload `{code, msg}` with the HTTP status Binance sends it with (errors.md).

export class BinanceError extends Error {
  constructor(
    readonly code: number,
    readonly msg: string,
    readonly status = 400,
  ) {
    super(msg);
  }
}

export const invalidSymbol = () => new BinanceError(-1121, 'Invalid symbol.');
export const mandatory = (name: string) => new BinanceError(-1102, `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.`);
export const notRequired = (name: string) => new BinanceError(-1106, `Parameter '${name}' sent when not required.`);
export const illegalChars = (name: string, legal: string) =>
  new BinanceError(-1100, `Illegal characters found in parameter '${name}'; legal range is '${legal}'.`);
export const filterFailure = (filter: string) => new BinanceError(-1013, `Filter failure: ${filter}`);
export const newOrderRejected = (reason: string) => new BinanceError(-2010, reason);
export const insufficientBalance = () => newOrderRejected('Account has insufficient balance for requested action.');
export const unknownOrder = () => new BinanceError(-2013, 'Order does not exist.');
export const cancelUnknownOrder = () => new BinanceError(-2011, 'Unknown order sent.');
export const invalidParameter = (name: string) => new BinanceError(-1130, `Data sent for parameter '${name}' is not valid.`);

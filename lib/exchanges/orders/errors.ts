import { BadRequestError, NotFoundError } from '../../errors';

export class UnknownTradingPairError extends BadRequestError {
  constructor(connector: string, pair: string, closeMatches: string[]) {
    const hint = closeMatches.length ? ` Close matches: ${closeMatches.join(', ')}.` : '';
    super(`Trading pair '${pair}' is not traded on ${connector}.${hint}`, 'UNKNOWN_TRADING_PAIR', { close_matches: closeMatches });
  }
}

export class OrderTypeNotSupportedError extends BadRequestError {
  constructor(connector: string, orderType: string, supported: string[]) {
    super(`Order type ${orderType} is not supported by ${connector} (supported: ${supported.join(', ')}).`, 'ORDER_TYPE_NOT_SUPPORTED');
  }
}

export class OrderBelowMinimumError extends BadRequestError {
  constructor(what: 'size' | 'notional', pair: string, given: string, minimum: number) {
    const label = what === 'size' ? 'amount' : 'notional value (amount × price)';
    super(`Order ${label} ${given} is below ${pair}'s minimum order ${what} of ${minimum}.`, what === 'size' ? 'ORDER_BELOW_MIN_SIZE' : 'ORDER_BELOW_MIN_NOTIONAL', { minimum });
  }
}

/** A retried request whose first order the exchange refused: the same refusal again, nothing re-sent. */
export class OrderFailedError extends BadRequestError {
  constructor(clientOrderId: string, reason: string) {
    super(`Order ${clientOrderId} failed: ${reason}`, 'ORDER_FAILED');
  }
}

export class ActiveOrderNotFoundError extends NotFoundError {
  constructor(clientOrderId: string) {
    super(`Order ${clientOrderId} is not an active order of this account and connector.`, 'ORDER_NOT_ACTIVE');
  }
}

export class NotPerpetualError extends BadRequestError {
  constructor(connector: string) {
    super(`${connector} is not a perpetual connector: positions, position mode and leverage belong to perpetuals.`, 'NOT_PERPETUAL');
  }
}

import { BadRequestError } from '../errors';

/** A private key in the form Gateway takes it, and the address it controls. */
export interface WalletKey {
  address: string;
  privateKey: string;
}

/** Never echo a key back whole: the first characters are enough to recognise a typo. */
export function invalidPrivateKey(key: string): BadRequestError {
  return new BadRequestError(`Unable to retrieve wallet address for provided private key: ${key.slice(0, 5)}...`, 'INVALID_PRIVATE_KEY');
}

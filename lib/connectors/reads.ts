import { erc20Abi, multicall3Abi, type Address, type ContractFunctionParameters } from 'viem';
import { MULTICALL3_ADDRESS } from '../chains/ethereum/client';

/** A contract read that returns one uint256, to batch beside a pool's reads in one multicall. */
export type UintRead = ContractFunctionParameters;

export const read = {
  /** The latest block's timestamp: deadlines come from chain time, not the machine's clock. */
  blockTimestamp: (): UintRead => ({ address: MULTICALL3_ADDRESS, abi: multicall3Abi, functionName: 'getCurrentBlockTimestamp' }),
  allowance: (token: Address, owner: Address, spender: Address): UintRead => ({ address: token, abi: erc20Abi, functionName: 'allowance', args: [owner, spender] }),
  balance: (token: Address, owner: Address): UintRead => ({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [owner] }),
  totalSupply: (token: Address): UintRead => ({ address: token, abi: erc20Abi, functionName: 'totalSupply' }),
};

/** How long a sent transaction stays valid, from the latest block's timestamp. */
export const DEADLINE_SECONDS = 600n;

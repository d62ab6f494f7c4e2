import { SolanaUnwrapRequestSchema } from '../../schemas/solana';
import { chainRoutes } from './chain.routes';

export const { status, estimateGas, balances, poll, wrap, unwrap } = chainRoutes('solana', {
  tag: 'Solana',
  status: { summary: 'Network status and current slot' },
  estimateGas: {
    summary: 'Priority fee (lamports per compute unit) and the fee of a defaultComputeUnits transaction, in SOL',
    description: "From recent prioritization fees at the network's priorityFeeLevel, within its min/max; minPriorityFeePerCU when the node cannot say.",
  },
  balances: {
    summary: 'SOL and token balances of any address, in one RPC request',
    description: 'Reads the address and its associated token accounts (Token and Token-2022) with one getMultipleAccounts; tokens held outside associated accounts are not counted.',
  },
  poll: { summary: "A transaction's status: 1 confirmed, -1 failed, 0 not found (yet)" },
  wrap: { summary: 'Wrap SOL into WSOL (the WSOL account is created when missing; simulated first, a failing wrap costs nothing)' },
  unwrap: { summary: 'Unwrap WSOL to SOL by closing the WSOL account (its whole balance, as in Gateway)', request: SolanaUnwrapRequestSchema },
});

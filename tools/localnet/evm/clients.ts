// viem clients for talking to a local anvil while deploying and seeding it.
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  type Abi,
  type Address,
  type Hash,
  type Hex,
  type PublicClient,
  type TestClient,
  type TransactionReceipt,
  type WalletClient,
  type Account,
  type Chain,
  type Transport,
} from 'viem';
import { anvil } from 'viem/chains';
import { localnet } from '../../../lib/chains/ethereum/localnet';

/**
 * Gas limit for every deploy and seed transaction. Left out, anvil fills the limit in by estimating
 * against the latest block, but the transaction lands in the next one: once its timestamp differs,
 * Uniswap's price oracles write more storage than estimated and the transaction runs out of gas
 * (seen on about 1 in 30 deploys). Unused gas is refunded, so a generous fixed limit costs nothing.
 */
export const GAS_LIMIT = 15_000_000n;

export type LocalnetWallet = WalletClient<Transport, Chain, Account>;

export interface LocalnetClients {
  publicClient: PublicClient;
  /** anvil's own methods (anvil_setCode, evm_snapshot, ...). */
  testClient: TestClient<'anvil'>;
  /** A wallet for one of anvil's unlocked accounts: anvil signs, so no key is handled here. */
  wallet(address: Address): LocalnetWallet;
  /** Waits for the receipt (immediate under automine) and throws if the transaction reverted. */
  confirm(sent: Hash | Promise<Hash>): Promise<TransactionReceipt>;
  /** Deploys creation code with encoded constructor arguments and returns the new address. */
  deploy(from: LocalnetWallet, abi: Abi, bytecode: Hex, args?: readonly unknown[]): Promise<Address>;
}

export function createLocalnetClients(rpcUrl: string): LocalnetClients {
  const chain = { ...anvil, id: localnet.chainId };
  const transport = http(rpcUrl);
  // anvil mines each transaction as it arrives, so receipts can be polled almost immediately.
  const publicClient = createPublicClient({ chain, transport, pollingInterval: 5 });

  const confirm = async (sent: Hash | Promise<Hash>) => {
    const hash = await sent;
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
    return receipt;
  };

  return {
    publicClient,
    testClient: createTestClient({ mode: 'anvil', chain, transport }),
    wallet: (address) => createWalletClient({ account: address, chain, transport }) as LocalnetWallet,
    confirm,
    async deploy(from, abi, bytecode, args = []) {
      const { contractAddress, transactionHash } = await confirm(
        from.deployContract({ abi, bytecode, args, account: from.account, chain, gas: GAS_LIMIT }),
      );
      if (!contractAddress) throw new Error(`deployment ${transactionHash} created no contract`);
      return contractAddress;
    },
  };
}

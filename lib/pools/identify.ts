import { isAddressEqual, parseAbi, type Address, type ContractFunctionParameters, type PublicClient } from 'viem';
import { throwTransportFailure } from '../chains/ethereum/client';
import type { Chain } from '../config/networks';
import { BadRequestError, NotFoundError } from '../errors';
import { poolTokensAbi } from '../connectors/poolTokens';
import { requireAmm, requireClmm } from '../connectors/actions';
import { CONNECTOR_REGISTRY } from '../connectors/registry';
import type { AmmDeployment, ClmmDeployment } from '../connectors/types';
import { pairAbi } from '../connectors/uniswap/amm/abi';
import { poolAbi } from '../connectors/uniswap/clmm/abi';
import { poolAddress } from '../connectors/uniswap/clmm/pool';
import type { PoolType } from '../../schemas/pools';

/** A connector's V2 (amm) or V3 (clmm) deployment on one network: what a pool address may belong to. */
export type PoolDeployment = { connector: string; type: 'amm'; dex: AmmDeployment } | { connector: string; type: 'clmm'; dex: ClmmDeployment };

/** A pool as the chain describes it, with the connector whose deployment made it. */
export interface PoolOnChain {
  connector: string;
  type: PoolType;
  token0: Address;
  token1: Address;
  feePct: number;
}

const KIND: Record<PoolType, string> = { amm: 'V2 pair', clmm: 'V3 pool' };

/** V2 pairs and V3 pools both name the factory that created them. */
const factoryAbi = parseAbi(['function factory() view returns (address)']);

/** The deployments on the network, narrowed to a connector and a type when given; a 400 when none is left. */
export function poolDeployments(chain: Chain, network: string, filter: { connector?: string; type?: PoolType }): PoolDeployment[] {
  const connectors = filter.connector ? [filter.connector] : Object.keys(CONNECTOR_REGISTRY);
  const types = filter.type ? [filter.type] : (['amm', 'clmm'] as const);
  const deployments = connectors
    .filter((connector) => CONNECTOR_REGISTRY[connector].chain === chain)
    .flatMap((connector) =>
      types.flatMap((type): PoolDeployment[] => {
        if (!CONNECTOR_REGISTRY[connector][type]?.networks[network]) return [];
        return type === 'amm' ? [{ connector, type, dex: requireAmm(connector, network).dex }] : [{ connector, type, dex: requireClmm(connector, network).dex }];
      }),
    );
  if (!deployments.length) {
    throw new BadRequestError(`${[filter.connector, filter.type].filter(Boolean).join('/') || 'amm or clmm'} is not available on ${chain}-${network}`, 'UNSUPPORTED_NETWORK');
  }
  return deployments;
}

/**
 * What `pool` is, in ONE multicall: a V2 pair (`getReserves`) or a V3 pool (`fee`, `slot0`), its tokens,
 * and which deployment made it (a V2 pair's `factory()`; a V3 pool's CREATE2 address from the deployer).
 * A 404 when it is no pool of the types `deployments` hold, a 400 when none of them made it.
 */
export async function identifyPool(client: PublicClient, pool: Address, deployments: PoolDeployment[], where: string): Promise<PoolOnChain> {
  const contracts: ContractFunctionParameters[] = [
    { address: pool, abi: poolTokensAbi, functionName: 'token0' },
    { address: pool, abi: poolTokensAbi, functionName: 'token1' },
    { address: pool, abi: factoryAbi, functionName: 'factory' },
    { address: pool, abi: pairAbi, functionName: 'getReserves' },
    { address: pool, abi: poolAbi, functionName: 'fee' },
    { address: pool, abi: poolAbi, functionName: 'slot0' },
  ];
  const results = await client.multicall({ batchSize: 0, allowFailure: true, contracts });
  throwTransportFailure(results);
  const [token0, token1, factory, reserves, fee, slot0] = results;
  const read = (...calls: typeof results) => calls.every((call) => call.status === 'success');
  const type: PoolType | undefined = !read(token0, token1) ? undefined : read(reserves) ? 'amm' : read(fee, slot0) ? 'clmm' : undefined;
  const types = [...new Set(deployments.map((deployment) => deployment.type))];
  if (!type || !types.includes(type)) {
    throw new NotFoundError(`Pool ${pool} not found on ${where}: not a ${types.map((kind) => KIND[kind]).join(' or ')}`, 'POOL_NOT_FOUND');
  }
  const [address0, address1, factoryAddress, feeTier] = [token0.result, token1.result, factory.result, fee.result] as [Address, Address, Address | undefined, number | undefined];
  const made = deployments.find((deployment) =>
    deployment.type === 'amm'
      ? type === 'amm' && factoryAddress !== undefined && isAddressEqual(factoryAddress, deployment.dex.factory)
      : type === 'clmm' && isAddressEqual(poolAddress(deployment.dex, address0, address1, feeTier!), pool),
  );
  if (!made) {
    const connectors = [...new Set(deployments.map((deployment) => deployment.connector))].join(', ');
    throw new BadRequestError(`Pool ${pool} is a ${KIND[type]} of factory ${factoryAddress ?? 'unknown'}, not of ${connectors} on ${where}`, 'POOL_FACTORY_MISMATCH');
  }
  const feePct = made.type === 'amm' ? Number(made.dex.feeBps) / 100 : feeTier! / 10_000;
  return { connector: made.connector, type, token0: address0, token1: address1, feePct };
}

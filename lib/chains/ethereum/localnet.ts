// The `localnet` Ethereum network: a local anvil seeded by tools/localnet/evm/deploy.ts.
// Deployment is deterministic (fixed deployer, fixed order), so these addresses are the same on
// every machine; the deploy script throws if what it deployed ever differs from them.
// Plain constants only: this module also runs inside workerd.
import { EVM_LOCALNET_NODE } from '../../config/localnets';

export const localnet = {
  network: 'localnet',
  chainId: EVM_LOCALNET_NODE.chainId,
  rpcUrl: EVM_LOCALNET_NODE.rpcUrl,
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
} as const;

/**
 * anvil's account #0 (from its well-known test mnemonic): it deploys everything and is the
 * wallet `npm run dev` signs with. Public knowledge: never fund it on a real network.
 */
export const localnetDevWallet = {
  address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  privateKey: '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
} as const;

/** anvil's account #1, funded like the dev wallet: a second party for transfers and tests. */
export const localnetSecondWallet = {
  address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  privateKey: '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
} as const;

/** Token balances (base units) the dev and second wallets start with, besides anvil's 10,000 ETH. */
export const localnetWalletSeed = {
  WETH: 100n * 10n ** 18n,
  USDC: 1_000_000n * 10n ** 6n,
  DAI: 1_000_000n * 10n ** 18n,
} as const;

export const localnetTokens = [
  {
    chainId: 31337,
    name: 'Wrapped Ether',
    symbol: 'WETH',
    address: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    decimals: 18,
  },
  {
    chainId: 31337,
    name: 'USD Coin',
    symbol: 'USDC',
    address: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
    decimals: 6,
  },
  {
    chainId: 31337,
    name: 'Dai Stablecoin',
    symbol: 'DAI',
    address: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
    decimals: 18,
  },
] as const;

export const localnetContracts = {
  /** Canonical Multicall3 address (code placed there with anvil_setCode), as viem expects. */
  multicall3: '0xcA11bde05977b3631167028862bE2a173976CA11',
  uniswapV2: {
    factory: '0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9',
    router02: '0x5FC8d32690cc91D4c39d9d3abcBD16989F875707',
  },
  uniswapV3: {
    factory: '0x0165878A594ca255338adfa4d48449f69242Eb8F',
    nftDescriptorLibrary: '0x2279B7A0a67DB372996a5FaB50D91eAA73d2eBe6',
    tokenPositionDescriptor: '0x8A791620dd6260079BF849Dc5567aDC3F2FdC318',
    nonfungiblePositionManager: '0x610178dA211FEF7D417bC0e6FeD39F05609AD788',
    swapRouter: '0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e',
    quoterV2: '0xA51c1fc2f0D1a1b8494Ed1FE312d7C3a78Ed91C0',
    tickLens: '0x0DCd1Bf9A1b36cE34237eEaFef220932846BCD82',
  },
  /** SwapRouter02 and its QuoterV2 (@uniswap/swap-router-contracts), deployed last so nothing above moved. */
  uniswapRouter: {
    swapRouter02: '0x9A9f2CCfdE556A7E9Ff0848998Aa4a0CFD8863AE',
    quoterV2: '0x68B1D87F95878fE05B998F19b66F4baba5De1aed',
  },
} as const;

/** Uniswap V2 pairs; `fee` is in hundredths of a basis point (3000 = 0.3%), as in V3. */
export const localnetUniswapV2Pairs = {
  'WETH-USDC': {
    address: '0xd5AB01462Da740594Beaf3AF32C12730d6D2DC38',
    token0: '0x5FbDB2315678afecb367f032d93F642f64180aa3', // WETH
    token1: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512', // USDC
    fee: 3000,
  },
  'WETH-DAI': {
    address: '0x02591B411e43CddBF3F1c5A56B26Dd0369111aD5',
    token0: '0x5FbDB2315678afecb367f032d93F642f64180aa3', // WETH
    token1: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0', // DAI
    fee: 3000,
  },
  'USDC-DAI': {
    address: '0x7b8960CC288Dc7b6CcF5ca620264C1E6d3438C8a',
    token0: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0', // DAI
    token1: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512', // USDC
    fee: 3000,
  },
} as const;

/** Uniswap V3 pools; `fee` is in hundredths of a basis point (3000 = 0.3%). */
export const localnetUniswapV3Pools = {
  'WETH-USDC-3000': {
    address: '0x94Eee1cb80924636B32fDF2c0b798080E32dB027',
    token0: '0x5FbDB2315678afecb367f032d93F642f64180aa3', // WETH
    token1: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512', // USDC
    fee: 3000,
  },
  'WETH-USDC-500': {
    address: '0x7f6E56Bc1Ba9D42159E8e493aF602048dEd3AE4d',
    token0: '0x5FbDB2315678afecb367f032d93F642f64180aa3', // WETH
    token1: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512', // USDC
    fee: 500,
  },
  'USDC-DAI-100': {
    address: '0x8DB8c87844BE3B7Fdd136AF43702CB1A5dD5C272',
    token0: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0', // DAI
    token1: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512', // USDC
    fee: 100,
  },
} as const;

import { createWorkerApp } from '../../lib/app';
import type { RouterEnv } from '../../lib/env';
import { mountHealth } from '../../lib/health';

const app = createWorkerApp<RouterEnv>({ name: 'chains', description: 'Gateway chains (Ethereum-family, Solana), wallets, tokens and config.' });
mountHealth(app, 'chains', '/chains', 'Chains');

export default app;

import { createWorkerApp } from '../../lib/app';
import type { RouterEnv } from '../../lib/env';
import { mountHealth } from '../../lib/health';

const app = createWorkerApp<RouterEnv>({ name: 'connectors', description: 'DEX connectors (router, amm, clmm), pools and unified DEX trading.' });
mountHealth(app, 'connectors', '/connectors', 'Connectors');

export default app;

import { createWorkerApp } from '../../lib/app';
import type { RouterEnv } from '../../lib/env';
import { mountHealth } from '../../lib/health';

const app = createWorkerApp<RouterEnv>({ name: 'market-data', description: 'Candles, order books and prices.' });
mountHealth(app, 'market-data', '/market-data', 'Market data');

export default app;

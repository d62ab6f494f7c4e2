import { createWorkerApp } from '../../lib/app';
import type { RouterEnv } from '../../lib/env';
import { mountHealth } from '../../lib/health';

const app = createWorkerApp<RouterEnv>({ name: 'trading', description: 'Accounts, exchange credentials and centralized-exchange trading.' });
mountHealth(app, 'trading', '/trading', 'Trading');

export default app;

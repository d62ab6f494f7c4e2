import { createWorkerApp } from '../../lib/app';
import type { RouterEnv } from '../../lib/env';
import { mountHealth } from '../../lib/health';

const app = createWorkerApp<RouterEnv>({ name: 'portfolio', description: 'Portfolio state and history.' });
mountHealth(app, 'portfolio', '/portfolio', 'Portfolio');

export default app;

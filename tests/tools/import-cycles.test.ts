import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderGraph, importCycles, importGraph } from '../../tools/import-cycles';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'colibri-cycles-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('import cycles', () => {
  it('none in lib, schemas and workers (type-only imports included)', () => {
    expect(importCycles(importGraph(process.cwd()))).toEqual([]);
  });

  it("none among lib/'s folders either: each layer reads without the ones above it", () => {
    expect(importCycles(folderGraph(importGraph(process.cwd())).graph)).toEqual([]);
  });

  it('are found between folders whose files form no cycle, and name the imports that close them', () => {
    const root = project({
      'lib/exchanges/session.ts': "import { candles } from '../market-data/candles';",
      'lib/exchanges/connectors.ts': 'export const CONNECTORS = {};',
      'lib/market-data/candles.ts': "import { CONNECTORS } from '../exchanges/connectors';\nexport const candles = 1;",
      'lib/market-data/feed.ts': "import { decimal } from '../decimal';",
      'lib/decimal.ts': 'export const decimal = 1;',
      'workers/trading/index.ts': "import { candles } from '../../lib/market-data/candles';",
    });
    try {
      const files = importGraph(root);
      expect(importCycles(files)).toEqual([]);
      const folders = folderGraph(files);
      expect(importCycles(folders.graph)).toEqual([['lib/exchanges', 'lib/market-data']]);
      expect(folders.because.get('lib/exchanges -> lib/market-data')).toEqual(['lib/exchanges/session.ts -> lib/market-data/candles.ts']);
      expect(folders.graph.get('lib/market-data')).toEqual(['lib/exchanges', 'lib/decimal.ts']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('are found through type imports, re-exports and index files, and only among those files', () => {
    const root = project({
      'lib/config/networks.ts': "import { CONNECTORS } from '../connectors';\nexport const NETWORKS = {};",
      'lib/connectors/index.ts': "export { uniswap } from './uniswap';\nexport const CONNECTORS = {};",
      'lib/connectors/uniswap.ts': "import type {\n  Networks,\n} from '../config/networks';\nexport const uniswap = {};",
      'lib/leaf.ts': "import { NETWORKS } from './config/networks';",
    });
    try {
      expect(importCycles(importGraph(root))).toEqual([['lib/config/networks.ts', 'lib/connectors/index.ts', 'lib/connectors/uniswap.ts']]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

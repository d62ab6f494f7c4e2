import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../../tools/import-cycles';

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

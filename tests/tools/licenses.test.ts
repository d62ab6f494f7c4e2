import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { licenseAllowed, licenseViolations, runtimeDependencies } from '../../tools/licenses';

/** A project folder with only a package-lock.json (and package.json files where given). */
function project(packages: Record<string, object>, manifests: Record<string, object> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'colibri-licenses-'));
  writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages }));
  for (const [location, manifest] of Object.entries(manifests)) {
    mkdirSync(join(root, location), { recursive: true });
    writeFileSync(join(root, location, 'package.json'), JSON.stringify(manifest));
  }
  return root;
}

function violationsOf(root: string) {
  try {
    return licenseViolations(runtimeDependencies(root), {}).map(({ name, reason, path }) => ({ name, reason, path }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('runtime dependency licences', () => {
  it('every package the deployed workers can contain allows commercial use', () => {
    const dependencies = runtimeDependencies(process.cwd());
    expect(dependencies.map((dependency) => dependency.name)).toEqual(expect.arrayContaining(['hono', 'viem', 'ccxt', 'rpc-websockets']));
    expect(licenseViolations(dependencies)).toEqual([]);
  });

  it('a GPL package fails however deep it is; the same package as a dev dependency does not', () => {
    const root = project({
      '': { dependencies: { app: '1.0.0' }, devDependencies: { tool: '1.0.0' } },
      'node_modules/app': { version: '1.0.0', license: 'MIT', dependencies: { helper: '^2' } },
      'node_modules/app/node_modules/helper': { version: '2.0.0', license: 'ISC', dependencies: { copyleft: '^1' } },
      'node_modules/copyleft': { version: '1.0.0', license: 'GPL-3.0-or-later' },
      'node_modules/tool': { version: '1.0.0', license: 'AGPL-3.0-only', dev: true },
    });
    expect(violationsOf(root)).toEqual([
      { name: 'copyleft', reason: 'GPL-3.0-or-later is not a permissive licence that allows commercial use', path: ['app', 'helper', 'copyleft'] },
    ]);
  });

  it('a package with no licence fails; an old `licenses` array in its package.json counts', () => {
    const root = project(
      {
        '': { dependencies: { old: '1', silent: '1' } },
        'node_modules/old': { version: '1.0.0' },
        'node_modules/silent': { version: '1.0.0' },
      },
      { 'node_modules/old': { licenses: [{ type: 'MIT' }] }, 'node_modules/silent': {} },
    );
    expect(violationsOf(root)).toEqual([{ name: 'silent', reason: 'declares no licence', path: ['silent'] }]);
  });

  it('refuses copyleft and non-commercial licences, reads SPDX OR / AND / WITH', () => {
    for (const refused of ['GPL-2.0-only', 'AGPL-3.0-or-later', 'LGPL-3.0-only', 'CC-BY-NC-4.0', 'BUSL-1.1', 'SSPL-1.0', 'UNLICENSED', 'MIT AND GPL-3.0-only']) {
      expect(licenseAllowed(refused), refused).toBe(false);
    }
    for (const allowed of ['MIT', 'Apache-2.0', '(MIT OR GPL-3.0-only)', 'MIT OR Apache-2.0', 'BSD-3-Clause AND ISC', 'Apache-2.0 WITH LLVM-exception']) {
      expect(licenseAllowed(allowed), allowed).toBe(true);
    }
  });
});

// `npm test` fails when a runtime dependency (the `dependencies` tree, transitively) is under a
// licence that Colibri (Apache-2.0) cannot ship for commercial use. Only `dependencies` reach the
// deployed workers; dev tools (anvil, solc, the Uniswap contracts) never leave this machine.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Permissive licences (SPDX ids): commercial use allowed, no copyleft on Colibri's own code. */
export const ALLOWED_LICENSES = new Set([
  '0BSD',
  'Apache-2.0',
  'BlueOak-1.0.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'CC0-1.0',
  'ISC',
  'MIT',
  // File-level copyleft: changes to the MPL files themselves stay MPL, nothing else is affected.
  'MPL-2.0',
  'Unlicense',
  'Zlib',
]);

/**
 * Packages allowed although their licence is not in ALLOWED_LICENSES or not declared, each with the
 * reason. Anything else that is not plainly permissive fails, so a new one is a decision, not a drift.
 */
export const REVIEWED_PACKAGES: Record<string, string> = {
  // LGPL permits use from code under any licence, commercial included; its conditions bind changes to
  // the library itself (none: it ships unmodified from npm) and letting a recipient swap in a
  // modified copy, which the published source and lockfile of the bundle allow. GPL and AGPL, which
  // extend to the whole program, stay refused.
  'rpc-websockets': 'LGPL-3.0-only, through @solana/web3.js; used unmodified',
  // Declares no `license` field; its LICENSE.md dedicates the code to the public domain (Unlicense).
  'text-encoding-utf-8': 'Unlicense per its LICENSE.md, through @solana/web3.js',
};

export interface DependencyLicense {
  name: string;
  version: string;
  license: string | undefined;
  /** The chain of packages through which the root depends on it, root's direct dependency first. */
  path: string[];
}

export interface LicenseViolation extends DependencyLicense {
  reason: string;
}

interface LockEntry {
  name?: string;
  version?: string;
  license?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

interface Lockfile {
  packages: Record<string, LockEntry>;
}

interface PackageJson {
  license?: string | { type?: string };
  licenses?: (string | { type?: string })[];
}

/** The directory npm resolves `name` to from the package at `from` (node_modules lookup upwards). */
function resolvePackage(lock: Lockfile, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!base) return undefined;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent < 0 ? '' : base.slice(0, parent);
  }
}

/** The lockfile records `license` for most packages; old ones declare it only in package.json. */
function declaredLicense(root: string, location: string, entry: LockEntry): string | undefined {
  if (entry.license) return entry.license;
  const manifest = join(root, location, 'package.json');
  if (!existsSync(manifest)) return undefined;
  const json = JSON.parse(readFileSync(manifest, 'utf8')) as PackageJson;
  const names = [json.license, ...(json.licenses ?? [])].map((item) => (typeof item === 'object' ? item?.type : item)).filter((item): item is string => !!item);
  return names.length ? names.join(' OR ') : undefined;
}

/** Every package the root's `dependencies` pull in (optional and peer ones included), once each. */
export function runtimeDependencies(root: string): DependencyLicense[] {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lockfile;
  const seen = new Map<string, DependencyLicense>();
  const visit = (location: string, path: string[]) => {
    if (seen.has(location)) return;
    const entry = lock.packages[location];
    const name = entry.name ?? location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);
    seen.set(location, { name, version: entry.version ?? '?', license: declaredLicense(root, location, entry), path: [...path, name] });
    for (const dependency of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies })) {
      const resolved = resolvePackage(lock, location, dependency);
      if (resolved) visit(resolved, [...path, name]);
    }
  };
  for (const dependency of Object.keys(lock.packages[''].dependencies ?? {})) {
    const resolved = resolvePackage(lock, '', dependency);
    if (resolved) visit(resolved, []);
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Whether an SPDX expression allows use: `A OR B` when either side does, `A AND B` when both do.
 * `WITH` exceptions only loosen a licence, so the licence before them decides.
 */
export function licenseAllowed(expression: string): boolean {
  const tokens = expression.replace(/[()]/g, ' $& ').trim().split(/\s+/);
  let position = 0;
  const term = (): boolean => {
    const token = tokens[position++];
    if (token === '(') {
      const inner = or();
      position += 1; // ')'
      return inner;
    }
    if (tokens[position] === 'WITH') position += 2;
    return ALLOWED_LICENSES.has(token);
  };
  const and = (): boolean => {
    let allowed = term();
    while (tokens[position] === 'AND') {
      position += 1;
      allowed = term() && allowed;
    }
    return allowed;
  };
  const or = (): boolean => {
    let allowed = and();
    while (tokens[position] === 'OR') {
      position += 1;
      allowed = and() || allowed;
    }
    return allowed;
  };
  return or();
}

export function licenseViolations(dependencies: DependencyLicense[], reviewed = REVIEWED_PACKAGES): LicenseViolation[] {
  return dependencies.flatMap((dependency) => {
    if (dependency.name in reviewed) return [];
    if (!dependency.license) return [{ ...dependency, reason: 'declares no licence' }];
    if (licenseAllowed(dependency.license)) return [];
    return [{ ...dependency, reason: `${dependency.license} is not a permissive licence that allows commercial use` }];
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const violations = licenseViolations(runtimeDependencies(process.cwd()));
  for (const violation of violations) console.log(`${violation.name}@${violation.version}: ${violation.reason} (via ${violation.path.join(' > ')})`);
  if (violations.length) process.exit(1);
  console.log('every runtime dependency allows commercial use');
}

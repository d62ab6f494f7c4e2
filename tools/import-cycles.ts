// `npm test` fails on an import cycle: a file that (through others) imports itself. Cycles make
// load order matter and drag whole subsystems into bundles that need one leaf of them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Where the product's code lives (tests and dev tools may import anything). */
export const SOURCE_ROOTS = ['lib', 'schemas', 'workers'];

const IMPORT = /^\s*(?:import|export)\s+(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((path) => existsSync(path) && statSync(path).isFile());
}

/**
 * Each file's imports of other project files, `import type` included: a type-only cycle loads fine
 * but still ties the layers together (config must not know the connectors that read it).
 */
export function importGraph(root: string, roots = SOURCE_ROOTS): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of roots.filter((dir) => existsSync(join(root, dir))).flatMap((dir) => sourceFiles(join(root, dir)))) {
    const imports = [...readFileSync(file, 'utf8').matchAll(IMPORT)]
      .map((match) => resolveImport(file, match[1]))
      .filter((path): path is string => path !== undefined && /\.tsx?$/.test(path));
    graph.set(relative(root, file), [...new Set(imports.map((path) => relative(root, path)))]);
  }
  return graph;
}

/** The graph's cycles as strongly connected components (Tarjan), each sorted, larger first. */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles.sort((a, b) => b.length - a.length);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cycles = importCycles(importGraph(process.cwd()));
  for (const cycle of cycles) console.log(`cycle of ${cycle.length} files:\n  ${cycle.join('\n  ')}`);
  if (cycles.length) process.exit(1);
  console.log('no import cycle');
}

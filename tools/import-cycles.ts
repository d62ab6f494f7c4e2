// `npm test` fails on an import cycle: a file that (through others) imports itself, or a folder of
// lib/ that does (lib/chains imports lib/signer, which imports lib/chains). Cycles make load order
// matter and drag whole subsystems into bundles that need one leaf of them; a folder cycle means two
// layers that cannot be read, tested or changed one without the other.
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

/** The folder of lib/ a file belongs to (`lib/chains`); a file at lib/'s top is a unit of its own. */
const libUnit = (file: string) => file.split('/').slice(0, 2).join('/');

/**
 * The graph of lib/'s folders: an edge where a file of one imports a file of another, with the
 * imports that make it (`from -> to`), so a cycle can be shown by the lines that close it.
 */
export function folderGraph(graph: Map<string, string[]>): { graph: Map<string, string[]>; because: Map<string, string[]> } {
  const folders = new Map<string, string[]>();
  const because = new Map<string, string[]>();
  for (const [file, imports] of graph) {
    if (!file.startsWith('lib/')) continue;
    const from = libUnit(file);
    if (!folders.has(from)) folders.set(from, []);
    for (const imported of imports.filter((path) => path.startsWith('lib/'))) {
      const to = libUnit(imported);
      if (to === from) continue;
      if (!folders.get(from)!.includes(to)) folders.get(from)!.push(to);
      const edge = `${from} -> ${to}`;
      because.set(edge, [...(because.get(edge) ?? []), `${file} -> ${imported}`]);
    }
  }
  return { graph: folders, because };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = importGraph(process.cwd());
  const cycles = importCycles(files);
  for (const cycle of cycles) console.log(`cycle of ${cycle.length} files:\n  ${cycle.join('\n  ')}`);
  const folders = folderGraph(files);
  const folderCycles = importCycles(folders.graph);
  for (const cycle of folderCycles) {
    const edges = [...folders.because].filter(([edge]) => cycle.includes(edge.split(' -> ')[0]) && cycle.includes(edge.split(' -> ')[1]));
    console.log(`cycle of ${cycle.length} folders: ${cycle.join(', ')}\n${edges.map(([edge, lines]) => `  ${edge}\n    ${lines.join('\n    ')}`).join('\n')}`);
  }
  if (cycles.length || folderCycles.length) process.exit(1);
  console.log('no import cycle');
}

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house rules that can be read from the tree: the folders of src/ import one way
 * (the order DESIGN.md states), with no loop, and no source file is over 250 lines.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/u.test(e.name) ? [full] : [];
  });
}

/** The unit of layering: a folder of src/, or a file directly in src/ (main, config, logger). */
const unitOf = (file: string) => path.relative(SRC, file).split(path.sep)[0]!.replace(/\.tsx?$/u, '');

/** Relative imports (static, `export … from`, dynamic) of one file, resolved to files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gmu)].map((m) => m[1]!);
  return specs.map((s) => path.resolve(path.dirname(file), s));
}

/** unit → units it imports. */
function unitGraph(files: string[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = unitOf(file);
    if (!graph.has(from)) graph.set(from, new Set());
    for (const target of importsOf(file)) {
      const to = unitOf(target);
      if (to !== from) graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** One loop in the graph (as a path that returns to its start), or null. */
function findLoop(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const loop = visit(next);
      if (loop) return loop;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const loop = visit(node);
    if (loop) return loop;
  }
  return null;
}

/** DESIGN.md's dependency line: `a ← b ← {c, d} ← …`, lowest layer first, as unit → layer number. */
function designLayers(): Map<string, number> {
  const design = readFileSync(path.join(ROOT, 'DESIGN.md'), 'utf8');
  const line = /^Layers, lowest first: `([^`]+)`/mu.exec(design);
  if (!line) throw new Error('DESIGN.md has no "Layers, lowest first: `…`" line');
  const layers = new Map<string, number>();
  line[1]!.split('←').forEach((layer, i) => {
    for (const unit of layer.replace(/[{}]/gu, '').split(',')) layers.set(unit.trim(), i);
  });
  return layers;
}

const files = sourceFiles(SRC);
const graph = unitGraph(files);

describe('the layers of src/', () => {
  it('finds a loop when there is one (the check can fail)', () => {
    const looped = new Map([
      ['knowledge', new Set(['faq'])],
      ['faq', new Set(['search'])],
      ['search', new Set(['knowledge'])],
    ]);
    expect(findLoop(looped)).toEqual(['knowledge', 'faq', 'search', 'knowledge']);
    expect(findLoop(new Map([['a', new Set(['b'])], ['b', new Set()]]))).toBeNull();
  });

  it('no folder imports another that imports it back', () => {
    expect(findLoop(graph)).toBeNull();
  });

  it('DESIGN.md names every folder, and every import points to a lower layer', () => {
    const layers = designLayers();
    expect([...layers.keys()].sort()).toEqual([...graph.keys()].sort());
    const upward = [...graph].flatMap(([from, tos]) => [...tos].filter((to) => layers.get(to)! >= layers.get(from)!).map((to) => `${from} → ${to}`));
    expect(upward).toEqual([]);
  });

  it('no source file is over 250 lines', () => {
    const long = files.map((f) => ({ file: path.relative(ROOT, f), lines: readFileSync(f, 'utf8').split('\n').length - 1 })).filter((f) => f.lines > 250);
    expect(long).toEqual([]);
  });
});

/**
 * How to start a worker thread on one of this folder's modules. Compiled: the .js beside this
 * file. From the TypeScript sources (tests, tsx), the .ts, imported once tsx's loader is
 * registered in the worker (`--import tsx` in execArgv does not reach a worker's entry on Node 20).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

const FROM_SOURCES = import.meta.url.endsWith('.ts');

/** A worker running `./<name>.js` (or `.ts` from the sources). */
export function startModuleWorker(name: string, options: WorkerOptions): Worker {
  if (!FROM_SOURCES) return new Worker(new URL(`./${name}.js`, import.meta.url), options);
  const tsx = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const entry = new URL(`./${name}.ts`, import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`, { ...options, eval: true });
}

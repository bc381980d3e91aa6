/**
 * `npm run bench` runs every benchmark area; `npm run bench -- <area>` runs one.
 * Each figure is one JSON line on stdout: {"metric": "<area>.<name>.<unit>", "value": n, "unit": "ms"}.
 * An area is a module under bench/ exporting `run(emit)`. Areas named `*-large` (minutes each) run only
 * when named.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServer } from './build-server.mjs';

export type Emit = (metric: string, value: number, unit: string) => void;

const benchDir = join(import.meta.dirname, '..', 'bench');
const areas = readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => basename(file, '.bench.ts'))
  .sort();

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = wanted.filter((area) => !areas.includes(area));
if (unknown.length) {
  console.error(`Unknown bench area(s): ${unknown.join(', ')}. Known: ${areas.join(', ')}`);
  process.exit(2);
}

const emit: Emit = (metric, value, unit) => {
  console.log(JSON.stringify({ metric, value: Math.round(value * 1000) / 1000, unit }));
};

// The server bundle the benchmarks' ServerProcess runs, built once before any of them.
await buildServer();
for (const area of wanted.length ? wanted : areas.filter((name) => !name.endsWith('-large'))) {
  const module = (await import(pathToFileURL(join(benchDir, `${area}.bench.ts`)).href)) as { run: (emit: Emit) => Promise<void> };
  await module.run(emit);
}

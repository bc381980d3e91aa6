import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The part of Vite's build manifest (build.manifest in electron.vite.config.ts) this reads. */
const manifestSchema = z.record(z.string(), z.object({ file: z.string(), isEntry: z.boolean().optional(), imports: z.array(z.string()).optional() }));

export interface InitialJs {
  /** The entry chunk first, then the chunks it imports statically (index.html modulepreloads them). */
  files: string[];
  /** Their total size in bytes. */
  bytes: number;
}

/**
 * The JavaScript the built index.html loads before its first screen: the entry chunk and,
 * transitively, its static imports. Chunks reached only by dynamic import() (lazy routes, the
 * app behind the start-up screen, the database) are not counted.
 */
export function initialJs(rendererDir: string): InitialJs {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(rendererDir, '.vite', 'manifest.json'), 'utf8')));
  const files: string[] = [];
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (!chunk || files.includes(chunk.file)) return;
    files.push(chunk.file);
    chunk.imports?.forEach(visit);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  const bytes = files.reduce((sum, file) => sum + readFileSync(join(rendererDir, file)).byteLength, 0);
  return { files, bytes };
}

// `npm run build:server`: bundles the central server (src-server/main.ts) into out/server/main.mjs
// so it runs with plain `node` (no TypeScript loader in the process). Packages in node_modules stay
// imports; out/server/main.mjs.map maps stack traces back to the sources under
// NODE_OPTIONS=--enable-source-maps. Prints nothing on success; esbuild reports what failed.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { SERVER_BUNDLE } from './server-command.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Builds SERVER_BUNDLE; rejects with esbuild's errors (already printed) when it cannot. */
export async function buildServer() {
  const { outputFiles } = await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'src-server', 'main.ts')],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    write: false,
  });
  // Each file is replaced in one step, so a server started meanwhile (another test run, the bench)
  // never reads a half-written bundle. The map goes first: the bundle names it.
  const mapFirst = (file) => (file.path.endsWith('.map') ? 0 : 1);
  for (const file of outputFiles.toSorted((a, b) => mapFirst(a) - mapFirst(b))) {
    await mkdir(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    await writeFile(temporary, file.contents);
    await rename(temporary, file.path);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildServer().catch(() => process.exit(1));
}

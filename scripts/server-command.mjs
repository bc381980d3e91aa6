// How the central server's process is started: `node ${SERVER_NODE_OPTIONS} ${SERVER_BUNDLE}`, by
// `npm start`, the tests' and the benchmarks' server processes, and `npm run server` (package.json
// repeats the options: a test checks it does).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The bundle scripts/build-server.mjs writes. */
export const SERVER_BUNDLE = join(root, 'out', 'server', 'main.mjs');

/**
 * Node's options for the server. `--max-semi-space-size=4`: V8's young generation keeps two 4 MB
 * halves instead of up to two 16 MB ones. Under 50 pushing clients the embedded (PGlite) server's
 * RSS went from 300–400 MB to 255–268, its pushes per second within the day's spread (340–361 with,
 * 358–381 without). V8 reads it only when the process starts (v8.setFlagsFromString comes too
 * late), so it is a command-line option.
 */
export const SERVER_NODE_OPTIONS = ['--max-semi-space-size=4'];

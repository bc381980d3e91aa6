import { buildServer } from '../../../scripts/build-server.mjs';

/** The server bundle the tests' ServerProcess runs (out/server/main.mjs), built once per test run. */
export default async function setup(): Promise<void> {
  await buildServer();
}

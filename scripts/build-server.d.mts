/** Types of build-server.mjs for the TypeScript callers (vitest's globalSetup, scripts/bench.ts). */
export function buildServer(): Promise<void>;

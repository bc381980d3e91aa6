/**
 * Browser mode CLI: `tsx src-main/host/main.ts` (or `npm run start:browser`).
 *   PORT      port on 127.0.0.1 (default 4317; 0 picks a free one)
 *   DATA_DIR  data folder (default ./.data/browser)
 * Serves the renderer built into out/renderer (`npm run build`).
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { summarizeZodError } from '../../src-shared/kernel/app-error';
import { startBrowserHost } from './browser-host';

const DEFAULT_BROWSER_PORT = 4317;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(DEFAULT_BROWSER_PORT),
  DATA_DIR: z.string().min(1).default('./.data/browser'),
});

async function main(): Promise<void> {
  const env = envSchema.safeParse(process.env);
  if (!env.success) {
    console.error(`Invalid environment: ${summarizeZodError(env.error)}`);
    process.exit(2);
  }
  const host = await startBrowserHost({
    port: env.data.PORT,
    dataDir: resolve(env.data.DATA_DIR),
    rendererDir: resolve('out/renderer'),
  });
  console.log(`Saksflyt (browser mode): ${host.url}`);
  const stop = (): void => {
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Saksflyt browser host failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

import { buildApp } from './app';
import { oidcOptions } from './auth/oidc/oidc-config';
import { databaseOptions, integrationAdapters, nominatorOptions, readEnv, securityOptions, smtpOptions } from './config';
import { batchedLog } from './batched-log';
import { lockDataDir } from './db/data-dir-lock';
import { limitHeapGrowth } from './heap-growth';

/**
 * `npm run server`: PORT (default 8787), HOST (default 127.0.0.1), DATA_DIR (embedded PGlite,
 * default .data/server) or DATABASE_URL (PostgreSQL), SMTP_URL and MAIL_FROM (letters by e-mail),
 * RESULT_SOURCES_URL (FS result exchange), CANVAS_URL, CANVAS_TOKEN and CANVAS_ACCOUNT_ID (Canvas
 * for course delivery), PUBLIC_URL (the address in e-mailed links), NOMINATOR_IDLE_DAYS (partners'
 * nominator accounts unused this long are deactivated), HEAP_GROWING_PERCENT (how far the JS heap
 * grows before V8 collects it, default 50: see heap-growth.ts); the README's table has them all.
 * Migrations run on start.
 */
const env = readEnv();
limitHeapGrowth(env.HEAP_GROWING_PERCENT);
const smtp = smtpOptions(env);
const unlock = env.DATABASE_URL ? () => undefined : lockDataDir(env.DATA_DIR, 'the Saksflyt server');
const log = batchedLog();
process.on('exit', () => log.flush());
const app = await buildApp({
  ...databaseOptions(env),
  ...securityOptions(env),
  jwtSecret: env.JWT_SECRET,
  publicUrl: env.PUBLIC_URL,
  oidc: oidcOptions(env),
  nominators: nominatorOptions(env),
  smtp,
  jobs: { adapters: integrationAdapters(env) },
  logger: { stream: log },
});
app.addHook('onClose', async () => unlock());
const address = await app.listen({ port: env.PORT, host: env.HOST });
console.log(`Saksflyt server listening on ${address} (${app.saksflyt.db.engine}); API docs at ${address}/docs`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}

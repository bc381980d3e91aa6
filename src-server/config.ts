import { z } from 'zod';

/** Environment of the server process and the admin tool. */
export const DEFAULT_PORT = 8787;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('.data/server'),
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  JWT_SECRET: z.string().min(32).optional(),
});
export type ServerEnv = z.infer<typeof envSchema>;

export function readEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  return envSchema.parse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
}

/** The database options both the server and `npm run admin` use. */
export function databaseOptions(env: ServerEnv) {
  return env.DATABASE_URL
    ? { databaseUrl: env.DATABASE_URL, schema: env.DATABASE_SCHEMA, maxConnections: env.DATABASE_POOL_SIZE }
    : { dataDir: env.DATA_DIR };
}

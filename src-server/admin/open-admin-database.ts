import { databaseOptions, readEnv } from '../config';
import { lockDataDir } from '../db/data-dir-lock';
import { openDatabase, type Database } from '../db/database';
import { migrate } from '../db/migrate';

/** The server's database, selected by DATA_DIR / DATABASE_URL exactly as for `npm run server`. */
export async function openAdminDatabase(env = readEnv()): Promise<{ db: Database; close(): Promise<void> }> {
  const unlock = env.DATABASE_URL ? () => undefined : lockDataDir(env.DATA_DIR, 'npm run admin');
  try {
    const db = await openDatabase(databaseOptions(env));
    await migrate(db);
    return {
      db,
      async close() {
        await db.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

import { removeRxDatabase, type RxStorage } from 'rxdb';
import { browserStorage, openSaksflytDatabase, type SaksflytDatabase } from '../../db/database';
import { wrappedFieldEncryptionStorage } from '../../db/field-encryption';
import { DEMO_DATABASE_NAME } from './demo-mode';

/** RxDB's code for "this database was created with another password". */
const OTHER_KEY = 'DB1';

/**
 * Opens the demo database with demo mode's own key. A demo database made under another key (before
 * demo mode had a key of its own) holds generated data only: it is removed and made anew.
 */
export async function openDemoDatabase(key: string, storage: RxStorage<unknown, unknown> = browserStorage()): Promise<SaksflytDatabase> {
  try {
    return await openSaksflytDatabase({ key, name: DEMO_DATABASE_NAME, storage });
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== OTHER_KEY) throw error;
    await removeRxDatabase(DEMO_DATABASE_NAME, wrappedFieldEncryptionStorage({ storage }), true, key);
    return openSaksflytDatabase({ key, name: DEMO_DATABASE_NAME, storage });
  }
}

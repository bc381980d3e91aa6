import type { SaksflytApi } from '../../src-shared/ipc/channels';
import type { SessionView } from '../../src-shared/ipc/session.contract';
import { defaultSettings } from '../../src-shared/ipc/settings.contract';
import { unwrap } from '../../src-shared/kernel/result';
import { openSaksflytDatabase, type SaksflytDatabase } from '../db/database';
import { demoCaseCountFrom } from '../db/demo-options';
import { seedDemoDataIfEmpty } from '../db/seed-demo-data';
import { DEMO_DATABASE_NAME, isDemoMode } from '../features/session/demo-mode';
import { useAppStore } from './store';

/**
 * How the app starts:
 * - `demo`: generated demo data in a database of its own that is never replicated (`?demoCases`).
 * - `server`: sign-in first; the signed-in user's replica is filled by sync only.
 */
export type Startup = { mode: 'demo'; db: SaksflytDatabase } | { mode: 'server'; dbKey: string; session: SessionView; serverUrl: string };

/**
 * Everything the UI needs before its first screen: the saved settings (language, timing), the
 * key of the local replica, and either the demo database (seeded on first start) or the session.
 */
export async function bootstrap(api: SaksflytApi, location: { search: string }): Promise<Startup> {
  const [settingsResult, key] = await Promise.all([api.settingsGet(), api.localDbKey()]);
  const store = useAppStore.getState();
  const settings = settingsResult.ok ? settingsResult.value : defaultSettings;
  if (settingsResult.ok) store.setLanguage(settings.language);
  else void api.log({ level: 'warn', message: `Settings unavailable at start: ${settingsResult.error.message}` });
  store.setSessionTiming(settings);
  const dbKey = unwrap(key).key;

  if (isDemoMode(location)) {
    const db = await openSaksflytDatabase({ key: dbKey, name: DEMO_DATABASE_NAME });
    await seedDemoDataIfEmpty(db, demoCaseCountFrom(location.search), new Date(), store.setSeedingCases);
    store.setSeedingCases(null);
    return { mode: 'demo', db };
  }
  return { mode: 'server', dbKey, session: unwrap(await api.sessionCurrent()), serverUrl: settings.serverUrl };
}

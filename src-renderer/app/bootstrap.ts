import type { SaksflytApi } from '../../src-shared/ipc/channels';
import type { SessionView } from '../../src-shared/ipc/session.contract';
import { defaultSettings } from '../../src-shared/ipc/settings.contract';
import { unwrap } from '../../src-shared/kernel/result';
import type { SaksflytDatabase } from '../db/database';
import { demoCaseCountFrom } from '../db/demo-options';
import { isDemoMode } from '../features/session/demo-mode';
import { useAppStore } from './store';

/**
 * How the app starts:
 * - `demo`: generated demo data in a database of its own that is never replicated (`?demoCases`).
 * - `server`: sign-in first; the signed-in user's replica is filled by sync only.
 */
export type Startup = { mode: 'demo'; db: SaksflytDatabase } | { mode: 'server'; session: SessionView; serverUrl: string };

/**
 * Everything the UI needs before its first screen: the saved settings (language, timing), and
 * either the demo database (seeded on first start, with a key of its own) or the session. The
 * replica's key is not asked for here: the main process hands it out only once the session is
 * active (signed-in-replica.ts asks for it after sign-in or unlock).
 */
export async function bootstrap(api: SaksflytApi, location: { search: string }): Promise<Startup> {
  // Demo mode's database code (RxDB) is not in the entry chunk: it loads, and its key is asked for, while the settings are read.
  const demoModules = isDemoMode(location) ? Promise.all([import('../features/session/demo-database'), import('../db/seed-demo-data')]) : null;
  const demoKey = demoModules ? api.demoDbKey() : null;
  const settingsResult = await api.settingsGet();
  const store = useAppStore.getState();
  const settings = settingsResult.ok ? settingsResult.value : defaultSettings;
  if (settingsResult.ok) store.setLanguage(settings.language);
  else void api.log({ level: 'warn', message: `Settings unavailable at start: ${settingsResult.error.message}` });
  store.setSessionTiming(settings);

  if (demoModules && demoKey) {
    const [{ openDemoDatabase }, { seedDemoDataIfEmpty }] = await demoModules;
    const db = await openDemoDatabase(unwrap(await demoKey).key);
    await seedDemoDataIfEmpty(db, demoCaseCountFrom(location.search), new Date(), store.setSeedingCases);
    store.setSeedingCases(null);
    return { mode: 'demo', db };
  }
  return { mode: 'server', session: unwrap(await api.sessionCurrent()), serverUrl: settings.serverUrl };
}

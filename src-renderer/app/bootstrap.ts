import type { SaksflytApi } from '../../src-shared/ipc/channels';
import { unwrap } from '../../src-shared/kernel/result';
import { openSaksflytDatabase, type SaksflytDatabase } from '../db/database';
import { demoCaseCountFrom } from '../db/demo-options';
import { seedDemoDataIfEmpty } from '../db/seed-demo-data';
import { useAppStore } from './store';

/**
 * Everything the UI needs before its first screen: the saved language and the local replica
 * (opened with the key from the main process, seeded with demo data on first start).
 */
export async function bootstrap(api: SaksflytApi, location: { search: string }): Promise<SaksflytDatabase> {
  const [settings, key] = await Promise.all([api.settingsGet(), api.localDbKey()]);
  const store = useAppStore.getState();
  if (settings.ok) store.setLanguage(settings.value.language);
  else void api.log({ level: 'warn', message: `Settings unavailable at start: ${settings.error.message}` });
  const db = await openSaksflytDatabase({ key: unwrap(key).key });
  await seedDemoDataIfEmpty(db, demoCaseCountFrom(location.search), new Date(), store.setSeedingCases);
  store.setSeedingCases(null);
  return db;
}

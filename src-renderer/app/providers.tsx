import { createContext, useContext, type ReactNode } from 'react';
import type { SaksflytApi } from '../../src-shared/ipc/channels';
import type { SaksflytDatabase } from '../db/database';

const ApiContext = createContext<SaksflytApi | null>(null);
const DatabaseContext = createContext<SaksflytDatabase | null>(null);

export function AppProviders({ api, db, children }: { api: SaksflytApi; db: SaksflytDatabase; children: ReactNode }) {
  return (
    <ApiProvider api={api}>
      <DatabaseContext value={db}>{children}</DatabaseContext>
    </ApiProvider>
  );
}

/** The API alone: for the screens before a replica is open (sign-in, lock). */
export function ApiProvider({ api, children }: { api: SaksflytApi; children: ReactNode }) {
  return <ApiContext value={api}>{children}</ApiContext>;
}

/** The typed main-process API (IPC in Electron, HTTP in the browser). */
export function useApi(): SaksflytApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside AppProviders');
  return api;
}

/** The local RxDB replica. */
export function useDatabase(): SaksflytDatabase {
  const db = useContext(DatabaseContext);
  if (!db) throw new Error('useDatabase outside AppProviders');
  return db;
}

import type { AppInfo } from '../../src-shared/ipc/app.contract';
import type { Handlers } from '../../src-shared/ipc/channels';
import type { CertificatesHandlers } from '../case-types/course-delivery/certificates.handler';
import { placementSolve } from '../case-types/placement/placement-solve.handler';
import type { DocumentsHandlers } from '../services/documents-wiring/compose-documents';
import type { Logger } from '../services/logger/logger.service';
import type { SessionHandlers } from '../services/session/session.service';
import type { SettingsService } from '../services/settings/settings.service';

export interface HandlerDeps {
  appInfo: AppInfo;
  settings: SettingsService;
  /** The replica's key: refused unless the session is active (local-db-key/keyWhileActive). */
  localDbKey: () => Promise<string>;
  /** The demo database's own key (demo mode has no session). */
  demoDbKey: () => Promise<string>;
  logger: Logger;
  /** The documents, archive and Canvas channels (src-main/services/documents-wiring). */
  documents: DocumentsHandlers;
  /** Sign-in, token refresh, lock and sign-out (src-main/services/session). */
  session: SessionHandlers;
  /** A course's certificate batch: start or resume it, and its progress (case-types/course-delivery). */
  courseCertificates: CertificatesHandlers;
}

/** The one handler map behind both transports: Electron IPC and the browser host's HTTP. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    appInfo: async () => deps.appInfo,
    settingsGet: () => deps.settings.get(),
    settingsUpdate: (patch) => deps.settings.update(patch),
    localDbKey: async () => ({ key: await deps.localDbKey() }),
    demoDbKey: async () => ({ key: await deps.demoDbKey() }),
    log: async (entry) => {
      await deps.logger.write({ ...entry, source: 'renderer' });
      return { written: true };
    },
    placementSolve,
    ...deps.documents,
    ...deps.session,
    ...deps.courseCertificates,
  };
}

import { join } from 'node:path';
import type { AppInfo } from '../../src-shared/ipc/app.contract';
import { AppError } from '../../src-shared/kernel/app-error';
import type { Handlers } from '../../src-shared/ipc/channels';
import { createCertificateServerMailer } from '../case-types/course-delivery/certificate-server-mailer';
import { createCertificatesHandlers, type CertificatesHandlers } from '../case-types/course-delivery/certificates.handler';
import { createHandlers } from '../ipc/handlers';
import { describeApp } from './app-info/app-info.service';
import { composeCaseFiles } from './case-files/compose-case-files';
import { composeDocuments, type DocumentsPipeline } from './documents-wiring/compose-documents';
import { createLocalDbKeyProvider, DEMO_DB_KEY_NAME, keyWhileActive } from './local-db-key/local-db-key.service';
import { createJsonLinesLogger, type Logger, type LogSource } from './logger/logger.service';
import type { SecureStore } from './secure-store/secure-store';
import type { OidcBrowser } from './session/oidc/oidc-sign-in';
import { composeSession, serverConnection } from './session/compose-session';
import { createSettingsService, settingsDefaultsFromEnv, type SettingsService } from './settings/settings.service';

export const SECRETS_FILE_NAME = 'secrets.json';

export interface ComposedServices {
  handlers: Handlers;
  settings: SettingsService;
  logger: Logger;
  /** Stops background work (the archive outbox) before the app or host closes. */
  close(): Promise<void>;
}

/**
 * Wires the main-process services for one data folder. Electron and the browser host differ only
 * in the secure store they pass in, in `appInfo.shell` and in where the app's resources lie.
 */
export async function composeServices(options: {
  appInfo: AppInfo;
  secureStore: SecureStore;
  /** Where problems of the services themselves are logged. */
  logSource: LogSource;
  /** The app's resources/ folder (fonts and colour profile of the generated PDFs). */
  resourcesDir: string;
  /** Arkivverket's schemas copied into the Noark 5 package (the repo's vendor/schemas). */
  schemasDir: string;
  /** Where sign-in through an OIDC provider (Feide) opens the provider's pages. */
  oidcBrowser?: OidcBrowser;
}): Promise<ComposedServices> {
  const appInfo = describeApp(options.appInfo);
  const logger = createJsonLinesLogger({ dataDir: appInfo.dataDir });
  const settings = createSettingsService({
    dataDir: appInfo.dataDir,
    defaults: settingsDefaultsFromEnv(process.env),
    onProblem: (message, context) => logger.write({ level: 'warn', message, context, source: options.logSource }).catch(() => undefined),
  });
  const session = composeSession({ settings, secureStore: options.secureStore, oidcBrowser: options.oidcBrowser });
  const documents = await composeDocuments({
    dataDir: appInfo.dataDir,
    resourcesDir: options.resourcesDir,
    schemasDir: options.schemasDir,
    secureStore: options.secureStore,
    logger,
    logSource: options.logSource,
    letters: () => serverConnection(session),
  });
  // A case's kept PDFs travel through the session's server (signed here, countersigned on another laptop).
  const caseFiles =
    documents.pipeline &&
    composeCaseFiles({
      dataDir: appInfo.dataDir,
      files: documents.pipeline.files,
      store: documents.pipeline.store,
      connection: () => serverConnection(session),
      warn: (message, context) => void logger.write({ level: 'warn', message, context, source: options.logSource }).catch(() => undefined),
    });
  const handlers = createHandlers({
    appInfo,
    settings,
    localDbKey: keyWhileActive(createLocalDbKeyProvider(options.secureStore), () => session.sessionCurrent()),
    demoDbKey: createLocalDbKeyProvider(options.secureStore, DEMO_DB_KEY_NAME),
    logger,
    documents: caseFiles ? { ...documents.handlers, ...caseFiles.share(documents.handlers) } : documents.handlers,
    session,
    courseCertificates: courseCertificates(documents.pipeline, () => serverConnection(session)),
  });
  return { handlers, settings, logger, close: documents.stop };
}

/** The course certificates batch on the documents pipeline, e-mailing through the session's server (unavailable with the pipeline). */
function courseCertificates(pipeline: DocumentsPipeline | undefined, connection: () => ReturnType<typeof serverConnection>): CertificatesHandlers {
  if (!pipeline) {
    const unavailable = () => Promise.reject(new AppError('precondition', 'Documents are unavailable on this laptop; see the log'));
    return { courseCertificatesStart: unavailable, courseCertificatesStatus: unavailable };
  }
  return createCertificatesHandlers({
    batch: {
      signing: pipeline.signing,
      seal: pipeline.seal,
      store: pipeline.store,
      journalDir: pipeline.documentsDir,
      journalFiles: pipeline.files,
      mailer: createCertificateServerMailer({ connection }),
    },
    archive: { outbox: pipeline.outbox, targets: pipeline.archiveTargets },
  });
}

export function secretsFilePath(dataDir: string): string {
  return join(dataDir, SECRETS_FILE_NAME);
}

import { join } from 'node:path';
import { createFolderArchiveAdapter } from '../archive/adapters/folder.adapter';
import { createNoark5ExportAdapter } from '../archive/adapters/noark5-export.adapter';
import { createP360SifAdapter } from '../archive/adapters/p360-sif.adapter';
import type { ArchiveAdapter } from '../archive/archive-adapter';
import type { SecureStore } from '../secure-store/secure-store';
import type { DocumentsConfig } from './documents-config';

export const DEFAULT_ARCHIVE_DIR = 'archive';
export const DEFAULT_NOARK5_DIR = 'noark5';
/** Beside the package: the documents of cases not yet closed, and the adapter's manifest. */
export const NOARK5_STAGING_DIR = 'noark5-staging';

/** The archives this installation delivers to: the folder and the Noark 5 export always, P360 when configured. */
export function createArchiveAdapters(
  config: DocumentsConfig,
  deps: { dataDir: string; schemasDir: string; secureStore: Pick<SecureStore, 'get'>; now?: () => Date },
): ArchiveAdapter[] {
  const { archive, institution } = config;
  const adapters = [
    createFolderArchiveAdapter({ dir: archive.folder?.dir ?? join(deps.dataDir, DEFAULT_ARCHIVE_DIR), now: deps.now }),
    createNoark5ExportAdapter({
      dir: archive.noark5?.dir ?? join(deps.dataDir, DEFAULT_NOARK5_DIR),
      stagingDir: join(deps.dataDir, NOARK5_STAGING_DIR),
      schemasDir: deps.schemasDir,
      info: {
        archiveTitle: archive.noark5?.archiveTitle ?? `${institution.name} – Saksflyt`,
        creatorId: institution.id,
        creatorName: institution.name,
      },
      now: deps.now,
    }),
  ];
  if (archive.p360) {
    const { authKeySecret, ...p360 } = archive.p360;
    adapters.push(createP360SifAdapter({ config: p360, authKey: () => deps.secureStore.get(authKeySecret) }));
  }
  return adapters;
}

import { join } from 'node:path';
import { createFolderArchiveAdapter } from '../archive/adapters/folder.adapter';
import { createNoark5ExportAdapter } from '../archive/adapters/noark5-export.adapter';
import { createP360SifAdapter } from '../archive/adapters/p360-sif.adapter';
import type { ArchiveAdapter } from '../archive/archive-adapter';
import { plainFiles } from '../fs/file-access';
import type { SealedFiles } from '../fs/sealed-file';
import type { SecureStore } from '../secure-store/secure-store';
import type { DocumentsConfig } from './documents-config';

export const DEFAULT_ARCHIVE_DIR = 'archive';
export const DEFAULT_NOARK5_DIR = 'noark5';
/** Beside the package: the documents of cases not yet closed, and the adapter's manifest. */
export const NOARK5_STAGING_DIR = 'noark5-staging';

/** Where the folder archive, the Noark 5 package and the package's staging are kept. */
export function archiveDirs(config: DocumentsConfig, dataDir: string): { folder: string; noark5: string; staging: string } {
  return {
    folder: config.archive.folder?.dir ?? join(dataDir, DEFAULT_ARCHIVE_DIR),
    noark5: config.archive.noark5?.dir ?? join(dataDir, DEFAULT_NOARK5_DIR),
    staging: join(dataDir, NOARK5_STAGING_DIR),
  };
}

/**
 * The archives this installation delivers to: the folder and the Noark 5 export always, P360 when
 * configured. A folder outside the data folder is the hand-over and gets plain files; one inside it
 * (the defaults) is sealed like the rest of the data folder.
 */
export function createArchiveAdapters(
  config: DocumentsConfig,
  deps: { dataDir: string; schemasDir: string; secureStore: Pick<SecureStore, 'get'>; files: SealedFiles; now?: () => Date },
): ArchiveAdapter[] {
  const { archive, institution } = config;
  const filesOf = (dir: string) => (deps.files.covers(dir) ? deps.files : plainFiles);
  const { folder: folderDir, noark5: noark5Dir, staging: stagingDir } = archiveDirs(config, deps.dataDir);
  const adapters = [
    createFolderArchiveAdapter({ dir: folderDir, now: deps.now, files: filesOf(folderDir) }),
    createNoark5ExportAdapter({
      dir: noark5Dir,
      stagingDir,
      files: { package: filesOf(noark5Dir), staging: filesOf(stagingDir) },
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

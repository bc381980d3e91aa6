import { z } from 'zod';
import { idSchema } from '../../../src-shared/domain/case/case.schema';
import { isMissingFile, plainFiles, type FileAccess } from '../fs/file-access';
import { createSerialQueue } from '../fs/serial-queue';

const pendingSchema = z.object({ uploads: z.array(z.object({ caseId: idSchema, documentId: idSchema })) });
export type PendingUpload = z.infer<typeof pendingSchema>['uploads'][number];

/** Kept files the server could not take yet (offline, not signed in): a small JSON list in the data folder (sealed there). */
export interface PendingUploads {
  list(): Promise<PendingUpload[]>;
  add(upload: PendingUpload): Promise<void>;
  remove(documentId: string): Promise<void>;
}

export function openPendingUploads(file: string, files: FileAccess = plainFiles): PendingUploads {
  const serial = createSerialQueue();
  async function read(): Promise<PendingUpload[]> {
    try {
      return pendingSchema.parse(JSON.parse((await files.read(file)).toString('utf8'))).uploads;
    } catch (error) {
      if (isMissingFile(error)) return [];
      throw error;
    }
  }
  const write = (uploads: PendingUpload[]) => files.write(file, JSON.stringify({ uploads }));
  return {
    list: () => serial(read),
    add: (upload) =>
      serial(async () => {
        const uploads = await read();
        if (!uploads.some((pending) => pending.documentId === upload.documentId)) await write([...uploads, upload]);
      }),
    remove: (documentId) =>
      serial(async () => {
        const uploads = await read();
        if (uploads.some((pending) => pending.documentId === documentId)) await write(uploads.filter((pending) => pending.documentId !== documentId));
      }),
  };
}

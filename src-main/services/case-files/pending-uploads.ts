import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { idSchema } from '../../../src-shared/domain/case/case.schema';
import { writeFileAtomic } from '../fs/atomic-write';
import { createSerialQueue } from '../fs/serial-queue';

const pendingSchema = z.object({ uploads: z.array(z.object({ caseId: idSchema, documentId: idSchema })) });
export type PendingUpload = z.infer<typeof pendingSchema>['uploads'][number];

/** Kept files the server could not take yet (offline, not signed in): a small JSON list in the data folder. */
export interface PendingUploads {
  list(): Promise<PendingUpload[]>;
  add(upload: PendingUpload): Promise<void>;
  remove(documentId: string): Promise<void>;
}

export function openPendingUploads(file: string): PendingUploads {
  const serial = createSerialQueue();
  async function read(): Promise<PendingUpload[]> {
    try {
      return pendingSchema.parse(JSON.parse(await readFile(file, 'utf8'))).uploads;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }
  const write = (uploads: PendingUpload[]) => writeFileAtomic(file, JSON.stringify({ uploads }), { mode: 0o600 });
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

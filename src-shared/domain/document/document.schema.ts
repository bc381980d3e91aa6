import { z } from 'zod';
import { idSchema, isoTimestamp, within } from '../case/case.schema';

const MAX_SIGNATURES = 10;

export const documentKinds = ['summons', 'protocol', 'decision', 'letter', 'contract', 'certificate', 'other'] as const;
export const archiveStates = ['not-archived', 'queued', 'archived', 'failed'] as const;

/** Metadata of a document on a case; the file itself lives with the main process. */
export const documentSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  kind: z.enum(documentKinds),
  title: z.string().min(1).max(300),
  sha256: z.string().max(64),
  signatures: z.array(z.object({ signer: z.string().max(200), signedAt: isoTimestamp })).refine(within(MAX_SIGNATURES), `At most ${MAX_SIGNATURES} signatures`),
  archiveState: z.enum(archiveStates),
  archiveReference: z.string().max(100),
  createdAt: isoTimestamp,
  createdBy: idSchema,
});
export type CaseDocument = z.infer<typeof documentSchema>;

import { z } from 'zod';
import { idSchema, isoTimestamp } from '../domain/case/case.schema';
import { defineChannel } from '../ipc/contract';
import { approvalDecisionInputSchema } from './approval-decision.schema';
import { archiveClosureSchema, archiveRecordSchema } from './archive-record.schema';
import { courseContractInputSchema } from './course-contract.schema';
import { decisionInputSchema } from './decision.schema';
import { protocolInputSchema } from './protocol.schema';
import { summonsInputSchema } from './summons.schema';

/**
 * IPC contracts of the documents pipeline in the main process: render, sign, keep and archive the
 * follow-up documents. PDFs cross the boundary as base64; the main process keeps every issued
 * document write-once under its documentId (a signed PDF is never saved again).
 */
export const pdfBytesSchema = z.object({ pdfBase64: z.base64(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/**
 * The document's case, where the caller knows it: the kept PDF then travels through the central
 * server (signed here, read or countersigned on another laptop; see src-main/services/case-files).
 */
const caseFileCaseId = idSchema.optional();

export const issuedDocumentSchema = pdfBytesSchema.extend({
  documentId: idSchema,
  /** In signing order: the student's drawn signature first, then the digital ones. */
  signatures: z.array(z.object({ signer: z.string().max(200), signedAt: isoTimestamp })),
});
export type IssuedDocument = z.infer<typeof issuedDocumentSchema>;

export const previewInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('summons'), summons: summonsInputSchema }),
  z.object({ kind: z.literal('protocol'), protocol: protocolInputSchema }),
  z.object({ kind: z.literal('decision'), decision: decisionInputSchema }),
  z.object({ kind: z.literal('approvalDecision'), decision: approvalDecisionInputSchema }),
  z.object({ kind: z.literal('courseContract'), contract: courseContractInputSchema }),
]);
export type PreviewInput = z.infer<typeof previewInputSchema>;

export const archiveTargets = ['p360', 'noark5', 'folder'] as const;
export type ArchiveTarget = (typeof archiveTargets)[number];
/** Where the outbox delivers: the archives, and `email` (letters to the central server's e-mail outbox). */
export const deliveryTargets = [...archiveTargets, 'email'] as const;

/** One archive outbox entry as the app shows it (the record itself stays in the main process). */
export const archiveEntrySchema = z.object({
  id: z.uuid(),
  caseId: idSchema,
  /** The document delivered; none when the entry closes the case's folder. */
  documentId: idSchema.optional(),
  target: z.enum(deliveryTargets),
  status: z.enum(['queued', 'sending', 'archived', 'failed']),
  attempts: z.number().int().min(0),
  nextAttemptAt: isoTimestamp,
  lastError: z.string().optional(),
  reference: z.string().optional(),
  updatedAt: isoTimestamp,
});
export type ArchiveEntry = z.infer<typeof archiveEntrySchema>;

export const documentsPreviewChannel = defineChannel('documents:preview', previewInputSchema, pdfBytesSchema);

export const documentsIssueSummonsChannel = defineChannel(
  'documents:issue-summons',
  z.object({ documentId: idSchema, summons: summonsInputSchema }),
  issuedDocumentSchema,
);

/** The protocol must carry the student's drawn signature; `studentCertificate` adds the student's own PAdES signature. */
export const documentsSignProtocolChannel = defineChannel(
  'documents:sign-protocol',
  z.object({ documentId: idSchema, protocol: protocolInputSchema, studentCertificate: z.boolean() }),
  issuedDocumentSchema,
);

export const documentsSealDecisionChannel = defineChannel(
  'documents:seal-decision',
  z.object({ documentId: idSchema, decision: decisionInputSchema }),
  issuedDocumentSchema,
);

/** The approval case's decision letter, sealed like the follow-up's. */
export const documentsSealApprovalDecisionChannel = defineChannel(
  'documents:seal-approval-decision',
  z.object({ documentId: idSchema, decision: approvalDecisionInputSchema }),
  issuedDocumentSchema,
);

/**
 * The teaching resource signs the course contract: drawn on screen (`contract.teachingResourceSignature`)
 * and/or, with `teachingResourceCertificate`, with their own certificate (PAdES). Kept under documentId.
 */
export const documentsSignContractChannel = defineChannel(
  'documents:sign-contract',
  z.object({ documentId: idSchema, contract: courseContractInputSchema, teachingResourceCertificate: z.boolean(), caseId: caseFileCaseId }),
  issuedDocumentSchema,
);

/** The department head countersigns the contract kept under documentId (PAdES, an incremental revision of it). */
export const documentsCountersignContractChannel = defineChannel(
  'documents:countersign-contract',
  z.object({ documentId: idSchema, contract: courseContractInputSchema, teachingResourceSignedAt: isoTimestamp, caseId: caseFileCaseId }),
  issuedDocumentSchema,
);

export const documentsReadChannel = defineChannel('documents:read', z.object({ documentId: idSchema, caseId: caseFileCaseId }), pdfBytesSchema);

export const archiveEnqueueChannel = defineChannel(
  'archive:enqueue',
  z.object({ target: z.enum(deliveryTargets), record: archiveRecordSchema }),
  archiveEntrySchema,
);

/** The case has ended: every archive that keeps a folder per case closes it (the entries queued, one per such archive). */
export const archiveCloseCaseChannel = defineChannel('archive:close-case', archiveClosureSchema, z.array(archiveEntrySchema));

export const archiveListChannel = defineChannel('archive:list', z.void(), z.array(archiveEntrySchema));

export const archiveRetryChannel = defineChannel('archive:retry', z.object({ id: z.uuid() }), archiveEntrySchema);

/** The archives this laptop delivers to (the app offers only these). */
export const archiveTargetsChannel = defineChannel('archive:targets', z.void(), z.array(z.enum(archiveTargets)));

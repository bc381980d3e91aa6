import type { z } from 'zod';
import type { canvasCourseworkChannel } from '../../../src-shared/documents/canvas.contract';
import type * as contracts from '../../../src-shared/documents/documents.contract';
import type { CanvasClient } from '../canvas/canvas.client';
import type { DocumentsService } from './documents.service';

type In<C extends { input: z.ZodType }> = z.output<C['input']>;
type Out<C extends { output: z.ZodType }> = Promise<z.output<C['output']>>;

/**
 * Handlers for the documents, archive and Canvas channels, keyed by the method names to add to
 * src-shared/ipc/channels.ts; spread into createHandlers.
 */
export function createDocumentsHandlers(documents: DocumentsService, canvas: CanvasClient) {
  return {
    documentsPreview: (input: In<typeof contracts.documentsPreviewChannel>): Out<typeof contracts.documentsPreviewChannel> => documents.preview(input),
    documentsIssueSummons: (input: In<typeof contracts.documentsIssueSummonsChannel>): Out<typeof contracts.documentsIssueSummonsChannel> =>
      documents.issueSummons(input),
    documentsSignProtocol: (input: In<typeof contracts.documentsSignProtocolChannel>): Out<typeof contracts.documentsSignProtocolChannel> =>
      documents.signProtocol(input),
    documentsSealDecision: (input: In<typeof contracts.documentsSealDecisionChannel>): Out<typeof contracts.documentsSealDecisionChannel> =>
      documents.sealDecision(input),
    documentsSealApprovalDecision: (
      input: In<typeof contracts.documentsSealApprovalDecisionChannel>,
    ): Out<typeof contracts.documentsSealApprovalDecisionChannel> => documents.sealApprovalDecision(input),
    documentsSignContract: (input: In<typeof contracts.documentsSignContractChannel>): Out<typeof contracts.documentsSignContractChannel> =>
      documents.signContract(input),
    documentsCountersignContract: (
      input: In<typeof contracts.documentsCountersignContractChannel>,
    ): Out<typeof contracts.documentsCountersignContractChannel> => documents.countersignContract(input),
    documentsRead: (input: In<typeof contracts.documentsReadChannel>): Out<typeof contracts.documentsReadChannel> => documents.read(input),
    archiveEnqueue: (input: In<typeof contracts.archiveEnqueueChannel>): Out<typeof contracts.archiveEnqueueChannel> => documents.archiveEnqueue(input),
    archiveCloseCase: (input: In<typeof contracts.archiveCloseCaseChannel>): Out<typeof contracts.archiveCloseCaseChannel> => documents.archiveCloseCase(input),
    archiveList: (): Out<typeof contracts.archiveListChannel> => documents.archiveList(),
    archiveRetry: (input: In<typeof contracts.archiveRetryChannel>): Out<typeof contracts.archiveRetryChannel> => documents.archiveRetry(input),
    canvasCoursework: (input: In<typeof canvasCourseworkChannel>): Out<typeof canvasCourseworkChannel> => canvas.courseworkStatus(input.courseId),
  };
}

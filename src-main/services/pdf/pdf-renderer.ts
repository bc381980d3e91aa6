import { approvalDecisionInputSchema, type ApprovalDecisionInput } from '../../../src-shared/documents/approval-decision.schema';
import { courseCertificateInputSchema, type CourseCertificateInput } from '../../../src-shared/documents/course-certificate.schema';
import { COURSE_CONTRACT_TITLE, courseContractInputSchema, type CourseContractInput } from '../../../src-shared/documents/course-contract.schema';
import { decisionInputSchema, type DecisionInput } from '../../../src-shared/documents/decision.schema';
import { protocolInputSchema, type ProtocolInput } from '../../../src-shared/documents/protocol.schema';
import { summonsInputSchema, type SummonsInput } from '../../../src-shared/documents/summons.schema';
import { drawApprovalDecision } from '../../case-types/approval/decision.document';
import { CERTIFICATE_TITLE, drawCourseCertificate } from '../../case-types/course-delivery/certificate.document';
import { drawCourseContract } from '../../case-types/course-delivery/contract.document';
import { drawDecision } from '../../case-types/follow-up/decision.document';
import { DECISION_TITLE } from './decision-letter';
import { loadDocumentResources } from './document-resources';
import { renderPdfA } from './pdfa-document';
import { drawProtocol, PROTOCOL_TITLE } from '../../case-types/follow-up/protocol.document';
import { decodeSignaturePng } from './signature-png';
import { drawSummons, SUMMONS_TITLE } from '../../case-types/follow-up/summons.document';

/** Renders the case types' documents as PDF/A-2b. Inputs are parsed again here: callers may be IPC, CLI or tests. */
export interface PdfRenderer {
  summons(input: SummonsInput): Promise<Buffer>;
  protocol(input: ProtocolInput): Promise<Buffer>;
  decision(input: DecisionInput): Promise<Buffer>;
  approvalDecision(input: ApprovalDecisionInput): Promise<Buffer>;
  courseCertificate(input: CourseCertificateInput): Promise<Buffer>;
  courseContract(input: CourseContractInput): Promise<Buffer>;
}

export function createPdfRenderer(options: { resourcesDir: string; now?: () => Date }): PdfRenderer {
  const now = options.now ?? (() => new Date());
  const author = (institution: { name: string }) => institution.name;

  return {
    async summons(raw) {
      const input = summonsInputSchema.parse(raw);
      const resources = await loadDocumentResources(options.resourcesDir);
      return renderPdfA(
        resources,
        { title: `${SUMMONS_TITLE} – ${input.caseNumber}`, author: author(input.institution), subject: SUMMONS_TITLE, createdAt: now() },
        (doc) => drawSummons(doc, input),
      );
    },
    async protocol(raw) {
      const input = protocolInputSchema.parse(raw);
      const signature = input.studentSignature ? decodeSignaturePng(input.studentSignature.pngBase64) : undefined;
      const resources = await loadDocumentResources(options.resourcesDir);
      return renderPdfA(
        resources,
        { title: `${PROTOCOL_TITLE} – ${input.caseNumber}`, author: author(input.institution), subject: PROTOCOL_TITLE, createdAt: now() },
        (doc) => drawProtocol(doc, input, signature),
      );
    },
    async decision(raw) {
      const input = decisionInputSchema.parse(raw);
      const resources = await loadDocumentResources(options.resourcesDir);
      return renderPdfA(
        resources,
        { title: `${DECISION_TITLE} – ${input.caseNumber}`, author: author(input.institution), subject: input.title, createdAt: now() },
        (doc) => drawDecision(doc, input),
      );
    },
    async approvalDecision(raw) {
      const input = approvalDecisionInputSchema.parse(raw);
      const resources = await loadDocumentResources(options.resourcesDir);
      return renderPdfA(
        resources,
        { title: `${DECISION_TITLE} – ${input.caseNumber}`, author: author(input.institution), subject: input.title, createdAt: now() },
        (doc) => drawApprovalDecision(doc, input),
      );
    },
    async courseCertificate(raw) {
      const input = courseCertificateInputSchema.parse(raw);
      const resources = await loadDocumentResources(options.resourcesDir);
      return renderPdfA(
        resources,
        {
          title: `${CERTIFICATE_TITLE} – ${input.participant.name}`,
          author: author(input.institution),
          subject: `${CERTIFICATE_TITLE} ${input.course.code} ${input.course.name}`,
          createdAt: now(),
        },
        (doc) => drawCourseCertificate(doc, input),
      );
    },
    async courseContract(raw) {
      const input = courseContractInputSchema.parse(raw);
      const signature = input.teachingResourceSignature ? decodeSignaturePng(input.teachingResourceSignature.pngBase64) : undefined;
      const resources = await loadDocumentResources(options.resourcesDir);
      return renderPdfA(
        resources,
        {
          title: `${COURSE_CONTRACT_TITLE} – ${input.caseNumber}`,
          author: author(input.institution),
          subject: `${COURSE_CONTRACT_TITLE} ${input.course.code} ${input.course.name}`,
          createdAt: now(),
        },
        (doc) => drawCourseContract(doc, input, signature),
      );
    },
  };
}

import type { ApprovalDecisionInput } from '../../../src-shared/documents/approval-decision.schema';
import type { CourseCertificateInput } from '../../../src-shared/documents/course-certificate.schema';
import type { CourseContractInput } from '../../../src-shared/documents/course-contract.schema';
import type { DecisionInput } from '../../../src-shared/documents/decision.schema';
import type { ProtocolInput } from '../../../src-shared/documents/protocol.schema';
import { AppError } from '../../../src-shared/kernel/app-error';
import type { PdfRenderer } from '../pdf/pdf-renderer';
import { signPdfIncrementally } from './pades';
import type { SignerBackend } from './signer-backend';

export interface SignedDocument {
  pdf: Buffer;
  /** In signing order; the shape of `CaseDocument.signatures`. */
  signatures: { signer: string; signedAt: string }[];
}

export interface DocumentSigning {
  /**
   * The protocol flow: the student's drawn signature (already in `input`) is placed in the
   * rendered protocol, the coordinator signs (PAdES), then — when the student has a certificate —
   * the student signs as a second incremental revision.
   */
  signProtocol(input: ProtocolInput, signers: { coordinator: SignerBackend; student?: SignerBackend }): Promise<SignedDocument>;
  /** A decision letter sealed with the institution's seal certificate. */
  sealDecision(input: DecisionInput, seal: SignerBackend): Promise<SignedDocument>;
  /** The approval case's decision letter, sealed the same way. */
  sealApprovalDecision(input: ApprovalDecisionInput, seal: SignerBackend): Promise<SignedDocument>;
  /** A course certificate (kursbevis), sealed with the institution's seal certificate. */
  sealCourseCertificate(input: CourseCertificateInput, seal: SignerBackend): Promise<SignedDocument>;
  /**
   * The teaching resource signs the course contract: their drawn signature (in `input`) placed in
   * the rendered contract, and/or their own PAdES signature when they have a certificate.
   */
  signCourseContract(input: CourseContractInput, teachingResource?: SignerBackend): Promise<SignedDocument>;
  /** The department head countersigns the contract the teaching resource signed (PAdES, an incremental revision). */
  countersignCourseContract(signed: SignedDocument, input: CourseContractInput, departmentHead: SignerBackend): Promise<SignedDocument>;
}

export function createDocumentSigning(deps: {
  renderer: PdfRenderer;
  /** City printed as the signing location. */
  location: string;
  now?: () => Date;
}): DocumentSigning {
  const now = deps.now ?? (() => new Date());

  async function addSignature(document: SignedDocument, backend: SignerBackend, signer: string, reason: string, contact: string) {
    const signingTime = now();
    const pdf = await signPdfIncrementally(document.pdf, backend, {
      name: signer,
      reason,
      location: deps.location,
      contactInfo: contact,
      signingTime,
    });
    return { pdf, signatures: [...document.signatures, { signer, signedAt: signingTime.toISOString() }] };
  }

  /** Every decision letter, whatever the case type: one seal in the institution's name over the whole rendered PDF. */
  function sealDecisionLetter(rendered: Buffer, letter: Pick<DecisionInput, 'institution' | 'caseNumber'>, seal: SignerBackend): Promise<SignedDocument> {
    return addSignature(
      { pdf: rendered, signatures: [] },
      seal,
      letter.institution.name,
      `Vedtak ${letter.caseNumber} forseglet med virksomhetens segl`,
      letter.institution.email,
    );
  }

  return {
    async signProtocol(input, signers) {
      if (!input.studentSignature) {
        throw new AppError('precondition', 'The student signs the protocol on screen before the coordinator signs it');
      }
      const rendered = await deps.renderer.protocol(input);
      const drawn: SignedDocument = {
        pdf: rendered,
        signatures: [{ signer: input.student.name, signedAt: input.studentSignature.signedAt }],
      };
      const coordinatorSigned = await addSignature(
        drawn,
        signers.coordinator,
        input.coordinator.name,
        `${input.coordinator.title} signerer samtaleprotokoll ${input.caseNumber}`,
        input.institution.email,
      );
      if (!signers.student) return coordinatorSigned;
      return addSignature(
        coordinatorSigned,
        signers.student,
        input.student.name,
        `Student bekrefter samtaleprotokoll ${input.caseNumber}`,
        input.student.email,
      );
    },
    sealDecision: async (input, seal) => sealDecisionLetter(await deps.renderer.decision(input), input, seal),
    sealApprovalDecision: async (input, seal) => sealDecisionLetter(await deps.renderer.approvalDecision(input), input, seal),
    sealCourseCertificate: async (input, seal) =>
      addSignature(
        { pdf: await deps.renderer.courseCertificate(input), signatures: [] },
        seal,
        input.institution.name,
        `Kursbevis ${input.course.code} for ${input.participant.name} forseglet med virksomhetens segl`,
        input.institution.email,
      ),
    async signCourseContract(input, teachingResource) {
      const drawn = input.teachingResourceSignature;
      if (!drawn && !teachingResource) {
        throw new AppError('precondition', 'The teaching resource signs the contract on screen or with a certificate');
      }
      const rendered: SignedDocument = {
        pdf: await deps.renderer.courseContract(input),
        signatures: drawn ? [{ signer: input.teachingResource.name, signedAt: drawn.signedAt }] : [],
      };
      if (!teachingResource) return rendered;
      return addSignature(
        rendered,
        teachingResource,
        input.teachingResource.name,
        `Undervisningsressurs signerer kontrakt ${input.course.code} (${input.caseNumber})`,
        input.teachingResource.email,
      );
    },
    countersignCourseContract: (signed, input, departmentHead) =>
      addSignature(
        signed,
        departmentHead,
        input.departmentHead.name,
        `${input.departmentHead.title} kontrasignerer kontrakt ${input.course.code} (${input.caseNumber})`,
        input.institution.email,
      ),
  };
}

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
    async sealDecision(input, seal) {
      const rendered = await deps.renderer.decision(input);
      return addSignature(
        { pdf: rendered, signatures: [] },
        seal,
        input.institution.name,
        `Vedtak ${input.caseNumber} forseglet med virksomhetens segl`,
        input.institution.email,
      );
    },
  };
}

import { writeFile } from 'node:fs/promises';
import { contractArchiveRecord } from '../../src-shared/documents/course-contract-archive';
import { courseContractInput } from '../../src-shared/documents/course-contract-input';
import type { CourseContractInput } from '../../src-shared/documents/course-contract.schema';
import type { ArchiveTarget } from '../../src-shared/documents/documents.contract';
import type { CourseDeliveryCase } from '../../src-shared/domain/course-delivery/course-delivery.workflow';
import { AppError } from '../../src-shared/kernel/app-error';
import type { DocumentsService } from '../services/pdf/documents.service';
import type { DemoCourse } from './course-demo-case';
import { demoSignaturePng } from './demo-signature';

/**
 * The demo course's contract, made through the documents service exactly as the app's contract
 * channels make it: the teaching resource signs (drawn on the screen and with their demo
 * certificate), the department head countersigns, and the countersigned PDF is archived and written out.
 */
export interface DemoContract {
  sign(state: CourseDeliveryCase, at: string): Promise<string>;
  countersignAndArchive(state: CourseDeliveryCase, file: string): Promise<string>;
}

export function demoContract(
  course: DemoCourse,
  documents: DocumentsService,
  archive: { target: ArchiveTarget; deliver: () => Promise<unknown> },
): DemoContract {
  const sent = (state: CourseDeliveryCase) => {
    const contract = state.details.contract;
    if (!contract) throw new AppError('precondition', 'The demo course has no contract sent');
    return contract;
  };
  const inputOf = (state: CourseDeliveryCase): CourseContractInput =>
    courseContractInput(
      state,
      {
        institution: course.institution,
        departmentHead: { name: course.departmentHead.name, title: course.departmentHead.title },
        teachingResourceEmail: course.teachingResource.email,
      },
      sent(state).sentAt,
    );

  return {
    async sign(state, at) {
      const contract = { ...inputOf(state), teachingResourceSignature: { pngBase64: demoSignaturePng().toString('base64'), signedAt: at } };
      await documents.signContract({ documentId: sent(state).documentId, contract, teachingResourceCertificate: true });
      return `contract signed by ${course.teachingResource.name} on screen and with a certificate (PAdES)`;
    },
    async countersignAndArchive(state, file) {
      const { documentId, signedAt } = sent(state);
      if (!signedAt) throw new AppError('precondition', 'The teaching resource has not signed the demo contract');
      const contract = inputOf(state);
      const countersigned = await documents.countersignContract({ documentId, contract, teachingResourceSignedAt: signedAt });
      await writeFile(file, Buffer.from(countersigned.pdfBase64, 'base64'));
      const record = contractArchiveRecord({
        caseDoc: state,
        contract,
        documentId,
        signedBy: countersigned.signatures.map((signature) => signature.signer),
      });
      await documents.archiveEnqueue({ target: archive.target, record });
      await archive.deliver();
      return `contract countersigned by ${course.departmentHead.name} and archived (${archive.target})`;
    },
  };
}

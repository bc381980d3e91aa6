import { Button, Fieldset, Heading, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useCallback, useState } from 'react';
import { contractArchiveRecord } from '../../../../src-shared/documents/course-contract-archive';
import { COURSE_CONTRACT_TITLE, type CourseContractInput } from '../../../../src-shared/documents/course-contract.schema';
import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import type { CaseDocument } from '../../../../src-shared/domain/document/document.schema';
import { AppError } from '../../../../src-shared/kernel/app-error';
import { unwrap } from '../../../../src-shared/kernel/result';
import { useApi } from '../../../app/providers';
import type { ActingUser } from '../../case/acting-user';
import { documentRecord, newDocumentId } from '../../case/case-document-archive';
import { SignaturePad } from '../../follow-up/signature-pad';
import type { ContractRecordOf, MakeContractDocuments } from './contract-steps';
import { useContractText } from './contract-text';
import type { RunContractStep } from './use-contract-step';

export interface ContractFormProps {
  caseDoc: CourseDeliveryCase;
  actor: ActingUser;
  run: RunContractStep;
  busy: boolean;
  /** The contract's input, dated the day it is (or was) sent. */
  inputAt: (sentAt: string) => CourseContractInput;
}

/** The contract's record on the case: a draft until the countersigned PDF exists. */
const contractRecord = (caseDoc: CourseDeliveryCase, actor: ActingUser, fields: Pick<CaseDocument, 'id' | 'sha256' | 'signatures'>) =>
  documentRecord(caseDoc, { ...fields, kind: 'contract', title: `${COURSE_CONTRACT_TITLE} – ${caseDoc.details.course.code}` }, actor);

/** The department head makes the contract from the course and sends it to the teaching resource (its record is a draft until signed). */
export function SendContractForm({ caseDoc, actor, run, busy }: ContractFormProps) {
  const t = useContractText().send;
  const send = () => {
    const documentId = newDocumentId(caseDoc.id, 'contract');
    const make: MakeContractDocuments = async (next) => [contractRecord(next, actor, { id: documentId, sha256: '', signatures: [] })];
    void run({ type: 'sendContract', at: new Date().toISOString(), documentId }, make);
  };
  return (
    <div className="course-contract__step">
      <Heading level={3} data-size="2xs">
        {t.heading}
      </Heading>
      <Paragraph data-size="sm">{t.description(caseDoc.details.teachingResource.name)}</Paragraph>
      <Button onClick={send} disabled={busy}>
        {t.button}
      </Button>
    </div>
  );
}

/**
 * The teaching resource signs: drawn on the screen (the signature pad the follow-up's protocol
 * uses) or with their own certificate. The signed PDF is made before the step is saved; one kept
 * by an earlier attempt stands (the main process never replaces a signed PDF).
 */
export function SignContractForm({ caseDoc, run, busy, inputAt }: ContractFormProps) {
  const t = useContractText().sign;
  const api = useApi();
  const [method, setMethod] = useState<'onScreen' | 'certificate'>('onScreen');
  const [drawn, setDrawn] = useState<string | null>(null);
  const onDrawn = useCallback((png: string | null) => setDrawn(png), []);
  const contract = caseDoc.details.contract;
  const name = caseDoc.details.teachingResource.name;
  if (!contract) return null;

  const sign = () => {
    const at = new Date().toISOString();
    const make: MakeContractDocuments = async () => {
      const input = inputAt(contract.sentAt);
      const signature = method === 'onScreen' && drawn ? { teachingResourceSignature: { pngBase64: drawn, signedAt: at } } : {};
      const signed = await api.documentsSignContract({
        caseId: caseDoc.id,
        documentId: contract.documentId,
        contract: { ...input, ...signature },
        teachingResourceCertificate: method === 'certificate',
      });
      // A conflict: an earlier attempt kept the signed contract before its step was saved; it stands.
      if (!signed.ok && signed.error.kind !== 'conflict') unwrap(signed);
      return []; // the record is the department head's to write, with the countersigned PDF
    };
    void run({ type: 'signContract', at }, make);
  };
  return (
    <div className="course-contract__step">
      <Heading level={3} data-size="2xs">
        {t.heading(name)}
      </Heading>
      <Fieldset>
        <Fieldset.Legend>{t.methodLegend}</Fieldset.Legend>
        <Radio label={t.onScreen} name="contract-sign-method" value="onScreen" checked={method === 'onScreen'} onChange={() => setMethod('onScreen')} />
        <Radio
          label={t.certificate}
          name="contract-sign-method"
          value="certificate"
          checked={method === 'certificate'}
          onChange={() => setMethod('certificate')}
        />
      </Fieldset>
      {method === 'onScreen' ? <SignaturePad signerName={name} onChange={onDrawn} /> : <Paragraph data-size="sm">{t.certificateNote}</Paragraph>}
      <Button onClick={sign} disabled={busy || (method === 'onScreen' && !drawn)}>
        {t.button}
      </Button>
    </div>
  );
}

/**
 * The department head countersigns the signed contract (PAdES, in the main process) and the
 * archiveContract step sends it to the archive, filed in the course's own case folder.
 */
export function CountersignContractForm({ caseDoc, actor, run, busy, inputAt }: ContractFormProps) {
  const text = useContractText();
  const t = text.countersign;
  const api = useApi();
  const contract = caseDoc.details.contract;
  if (!contract?.signedAt) return null;
  const signedAt = contract.signedAt;

  const countersign = () => {
    const input = inputAt(contract.sentAt);
    const make: MakeContractDocuments = async (next) => {
      const result = await api.documentsCountersignContract({
        caseId: caseDoc.id,
        documentId: contract.documentId,
        contract: input,
        teachingResourceSignedAt: signedAt,
      });
      if (!result.ok && result.error.kind === 'not-found') throw new AppError('not-found', text.notOnServer);
      const issued = unwrap(result);
      return [contractRecord(next, actor, { id: contract.documentId, sha256: issued.sha256, signatures: issued.signatures })];
    };
    const recordOf: ContractRecordOf = (document) =>
      contractArchiveRecord({
        caseDoc,
        contract: input,
        documentId: document.id,
        signedBy: document.signatures.map((signature) => signature.signer),
      });
    void run({ type: 'archiveContract', at: new Date().toISOString() }, make, recordOf);
  };
  return (
    <div className="course-contract__step">
      <Heading level={3} data-size="2xs">
        {t.heading}
      </Heading>
      <Paragraph data-size="sm">{t.description}</Paragraph>
      <Button onClick={countersign} disabled={busy}>
        {t.button}
      </Button>
    </div>
  );
}

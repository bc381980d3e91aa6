import { Alert, Button, Checkbox, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useCallback, useState } from 'react';
import type { DrawnSignature } from '../../../src-shared/documents/protocol.schema';
import { followUpWorkflow } from '../../../src-shared/domain/follow-up/follow-up.workflow';
import type { ActingUser } from '../case/acting-user';
import type { CaseDocument } from '../../../src-shared/domain/document/document.schema';
import { AppError } from '../../../src-shared/kernel/app-error';
import { unwrap } from '../../../src-shared/kernel/result';
import { useApi } from '../../app/providers';
import { useToday } from '../../ui/use-today';
import { protocolInput, type FollowUpContext } from './document-inputs';
import { studentName } from '../case/letter-parts';
import { useFollowUpText } from './follow-up-text';
import { type MakeDocuments } from './follow-up-steps';
import { documentRecord } from '../case/case-document-archive';
import { formatDateTime } from '../../i18n/format';
import { PdfFrame } from '../case/pdf-frame';
import { usePendingSignatures } from './pending-signatures';
import { SignaturePad } from './signature-pad';
import { PANEL_HEADING_IDS } from './step-forms';
import type { RunStep } from './use-step';

/**
 * The conversation protocol: a preview of the real PDF the main process renders from the case
 * and its notes, the student's signature on the pad, the coordinator's digital signature (and the
 * student's own certificate where there is one), and the signed PDF once it exists.
 */
export function ProtocolPanel({
  ctx,
  documents,
  actor,
  run,
  busy,
}: {
  ctx: Omit<FollowUpContext, 'today'>;
  documents: readonly CaseDocument[];
  actor: ActingUser;
  run: RunStep;
  busy: boolean;
}) {
  const dictionary = useFollowUpText();
  const t = dictionary.protocol;
  const api = useApi();
  const today = useToday();
  const { caseDoc, student } = ctx;
  const protocol = caseDoc.details.protocol;
  const stored = documents.find((document) => document.id === protocol?.documentId);
  const allowed = followUpWorkflow.allowedEvents(caseDoc, actor);
  const pending = usePendingSignatures((state) => state.byCase[caseDoc.id]);
  const keep = usePendingSignatures((state) => state.keep);
  const drop = usePendingSignatures((state) => state.drop);
  const [drawn, setDrawn] = useState<string | null>(null);
  const [studentCertificate, setStudentCertificate] = useState(false);
  const [shown, setShown] = useState<{ kind: 'preview' | 'signed'; pdfBase64: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const onDrawn = useCallback((png: string | null) => setDrawn(png), []);

  const show = async (kind: 'preview' | 'signed') => {
    setProblem(null);
    try {
      const pdf =
        kind === 'signed' && protocol
          ? unwrap(await api.documentsRead({ documentId: protocol.documentId }))
          : unwrap(await api.documentsPreview({ kind: 'protocol', protocol: protocolInput({ ...ctx, today }) }));
      setShown({ kind, pdfBase64: pdf.pdfBase64 });
    } catch (error) {
      setProblem(AppError.from(error).message);
    }
  };

  const signAsStudent = async () => {
    if (!drawn) return;
    const signature: DrawnSignature = { pngBase64: drawn, signedAt: new Date().toISOString() };
    // Kept before the step, so the coordinator's part never flashes a "draw again" pad.
    keep(caseDoc.id, signature);
    if (!(await run({ type: 'signAsStudent', at: signature.signedAt, signerName: studentName(student), method: 'onScreen' }))) {
      drop(caseDoc.id);
    }
  };

  const signature = pending ?? (drawn ? { pngBase64: drawn, signedAt: new Date().toISOString() } : undefined);
  const signAsCoordinator = async () => {
    if (!protocol || !signature) return;
    const make: MakeDocuments = async (next) => {
      const issued = unwrap(await api.documentsSignProtocol({ documentId: protocol.documentId, protocol: protocolInput(next, signature), studentCertificate }));
      const fields = {
        id: protocol.documentId,
        kind: 'protocol',
        title: 'Protokoll fra oppfølgingssamtale',
        sha256: issued.sha256,
        signatures: issued.signatures,
      } as const;
      return [documentRecord(next.caseDoc, fields, actor)];
    };
    if (await run({ type: 'signAsCoordinator', at: new Date().toISOString() }, make)) {
      drop(caseDoc.id);
      setShown(null);
    }
  };

  if (!caseDoc.details.conversation) return null;
  const signed = stored !== undefined && stored.sha256 !== '';
  return (
    <section aria-labelledby={PANEL_HEADING_IDS.protocol} className="follow-up-protocol">
      <Heading level={2} data-size="sm" id={PANEL_HEADING_IDS.protocol} tabIndex={-1}>
        {t.heading}
      </Heading>
      {protocol?.studentSignature && (
        <Paragraph data-size="sm">
          {t.studentSigned(protocol.studentSignature.signerName, formatDateTime(protocol.studentSignature.signedAt, dictionary.locale))}
        </Paragraph>
      )}
      {protocol?.coordinatorSignature && (
        <Paragraph data-size="sm">
          {t.coordinatorSigned(protocol.coordinatorSignature.signerName, formatDateTime(protocol.coordinatorSignature.signedAt, dictionary.locale))}
        </Paragraph>
      )}
      <div className="follow-up-protocol__buttons">
        {!signed && (
          <Button variant="secondary" onClick={() => void show('preview')}>
            {t.preview}
          </Button>
        )}
        {signed && (
          <Button variant="secondary" onClick={() => void show('signed')}>
            {t.showSigned}
          </Button>
        )}
      </div>
      {problem && (
        <Alert data-color="danger" role="alert">
          {problem}
        </Alert>
      )}
      {shown && (
        <div className="follow-up-protocol__pdf">
          <Paragraph data-size="sm">{shown.kind === 'preview' ? t.previewNote : t.signedNote}</Paragraph>
          <PdfFrame pdfBase64={shown.pdfBase64} title={shown.kind === 'preview' ? t.previewTitle : t.signedTitle} />
        </div>
      )}

      {allowed.includes('signAsStudent') && (
        <div className="follow-up-protocol__sign">
          <Heading level={3} data-size="2xs">
            {t.studentSigns(studentName(student))}
          </Heading>
          <SignaturePad signerName={studentName(student)} onChange={onDrawn} />
          <Button onClick={() => void signAsStudent()} disabled={busy || !drawn}>
            {t.confirmStudentSignature}
          </Button>
        </div>
      )}
      {allowed.includes('signAsCoordinator') && (
        <div className="follow-up-protocol__sign">
          <Heading level={3} data-size="2xs">
            {t.coordinatorSigns}
          </Heading>
          {!pending && (
            <>
              <Alert data-color="warning">{t.drawAgain}</Alert>
              <SignaturePad signerName={studentName(student)} onChange={onDrawn} />
            </>
          )}
          <Checkbox
            label={t.studentCertificate}
            description={t.studentCertificateDescription}
            checked={studentCertificate}
            onChange={(event) => setStudentCertificate(event.target.checked)}
          />
          <Button onClick={() => void signAsCoordinator()} disabled={busy || !signature}>
            {t.signAsCoordinator}
          </Button>
        </div>
      )}
    </section>
  );
}

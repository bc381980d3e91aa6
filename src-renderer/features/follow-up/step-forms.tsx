import { Button, Details, Fieldset, Paragraph, Radio, Select, Textarea, Textfield, Field, Label } from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import { unwrap } from '../../../src-shared/kernel/result';
import { appealDeadline } from '../../../src-shared/domain/appeal/appeal-deadline';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { CaseDocument } from '../../../src-shared/domain/document/document.schema';
import { followUpWorkflow, type FollowUpEvent } from '../../../src-shared/domain/follow-up/follow-up.workflow';
import type { ActingUser } from '../case/acting-user';
import { useApi, useDatabase } from '../../app/providers';
import { useAppStore } from '../../app/store';
import { formatDate } from '../../i18n/format';
import { useToday } from '../../ui/use-today';
import { summonsInput, type FollowUpContext } from './document-inputs';
import { studentName } from '../case/letter-parts';
import { useFollowUpText } from './follow-up-text';
import { joinIntoCase, type MakeDocuments } from './follow-up-steps';
import { documentRecord, newDocumentId } from '../case/case-document-archive';
import { fromLocalDateTime } from './format';
import type { RunStep } from './use-step';

/** Events taken in their own section of the page (signature pad, decision form). */
export const eventsWithPanels: Readonly<Record<string, 'protocol' | 'decision'>> = {
  signAsStudent: 'protocol',
  signAsCoordinator: 'protocol',
  decide: 'decision',
};

export const PANEL_HEADING_IDS = { protocol: 'follow-up-protocol-heading', decision: 'follow-up-decision-heading' } as const;

const now = () => new Date().toISOString();

interface StepFormsProps {
  ctx: Omit<FollowUpContext, 'today'>;
  documents: readonly CaseDocument[];
  actor: ActingUser;
  run: RunStep;
  busy: boolean;
  /** The student's other open follow-up cases (a report can be joined into one of them). */
  otherOpenCases: readonly Case[];
}

/** The steps the acting user may take on the case now, each behind its own disclosure with its form. */
export function StepForms(props: StepFormsProps) {
  const dictionary = useFollowUpText();
  const t = dictionary.steps;
  const language = useAppStore((state) => state.language);
  const allowed = followUpWorkflow.allowedEvents(props.ctx.caseDoc, props.actor);
  if (allowed.length === 0) return <Paragraph>{t.noneForYou}</Paragraph>;
  return (
    <ul className="follow-up-steps">
      {allowed.map((event) => {
        const label = followUpWorkflow.eventLabel(event)?.[language] ?? event;
        const panel = eventsWithPanels[event];
        return (
          <li key={event}>
            {panel ? (
              <Paragraph>
                <Button variant="secondary" onClick={() => document.getElementById(PANEL_HEADING_IDS[panel])?.focus()}>
                  {label}
                </Button>{' '}
                {panel === 'protocol' ? t.inProtocolSection : t.inDecisionSection}
              </Paragraph>
            ) : (
              <Details>
                <Details.Summary>{label}</Details.Summary>
                <Details.Content>
                  <StepForm event={event as FollowUpEvent['type']} label={label} {...props} />
                </Details.Content>
              </Details>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function StepForm({ event, label, ...props }: StepFormsProps & { event: FollowUpEvent['type']; label: string }) {
  switch (event) {
    case 'summon':
      return <SummonForm label={label} {...props} />;
    case 'merge':
      return <MergeForm label={label} {...props} />;
    case 'holdConversation':
      return <HoldConversationForm label={label} {...props} />;
    case 'draftProtocol':
      return <DraftProtocolForm label={label} {...props} />;
    case 'callMeeting':
      return <CallMeetingForm label={label} {...props} />;
    case 'reviewWithRector':
      return <RectorReviewForm label={label} {...props} />;
    case 'closeWithoutDecision':
      return <ReasonForm label={label} {...props} />;
    case 'archiveDecision':
      return <ArchiveDecisionForm label={label} {...props} />;
    case 'sendDecision':
      return <SendDecisionForm label={label} {...props} />;
    default:
      return <ConfirmForm event={event} label={label} {...props} />;
  }
}

function StepFormFrame({
  label,
  busy,
  onSubmit,
  children,
  disabled,
}: {
  label: string;
  busy: boolean;
  onSubmit: () => void;
  children?: ReactNode;
  disabled?: boolean;
}) {
  return (
    <form
      className="follow-up-step-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <Button type="submit" disabled={busy || disabled}>
        {label}
      </Button>
    </form>
  );
}

type FormProps = StepFormsProps & { label: string };

/** Steps that need nothing but a decision to take them: the text says what follows. */
function ConfirmForm({ event, label, run, busy, ctx }: FormProps & { event: FollowUpEvent['type'] }) {
  const t = useFollowUpText().steps;
  const explanation: Partial<Record<FollowUpEvent['type'], string>> = {
    open: t.openExplained,
    recordNoShow: t.noShowExplained,
    sendProtocol: t.sendProtocolExplained(ctx.staff.departmentHeadOf(ctx.caseDoc.department)?.name ?? '–'),
    close: t.closeExplained,
  };
  return (
    <StepFormFrame label={label} busy={busy} onSubmit={() => void run({ type: event, at: now() } as FollowUpEvent)}>
      {explanation[event] && <Paragraph>{explanation[event]}</Paragraph>}
    </StepFormFrame>
  );
}

function SummonForm({ label, run, busy, ctx, actor }: FormProps) {
  const t = useFollowUpText().steps;
  const api = useApi();
  const [meetingAt, setMeetingAt] = useState('');
  const [mode, setMode] = useState<'inPerson' | 'video'>('inPerson');
  const [location, setLocation] = useState('');
  const [reason, setReason] = useState('');
  const noReports = ctx.caseDoc.details.reports.length === 0;
  const submit = () => {
    const documentId = newDocumentId(ctx.caseDoc.id, 'summons');
    const make: MakeDocuments = async (next) => {
      const issued = unwrap(await api.documentsIssueSummons({ documentId, summons: summonsInput(next) }));
      const fields = {
        id: documentId,
        kind: 'summons',
        title: 'Innkalling til oppfølgingssamtale',
        sha256: issued.sha256,
        signatures: issued.signatures,
      } as const;
      return [documentRecord(next.caseDoc, fields, actor)];
    };
    const meeting = fromLocalDateTime(meetingAt) ?? '';
    void run({ type: 'summon', at: now(), meetingAt: meeting, mode, location: location.trim(), reason: reason.trim() }, make);
  };
  return (
    <StepFormFrame label={label} busy={busy} onSubmit={submit} disabled={noReports}>
      {noReports && <Paragraph>{t.summonsNeedsReport}</Paragraph>}
      <Textfield label={t.meetingAt} type="datetime-local" value={meetingAt} onChange={(event) => setMeetingAt(event.target.value)} />
      <Fieldset>
        <Fieldset.Legend>{t.mode}</Fieldset.Legend>
        <Radio label={t.inPerson} name="summons-mode" value="inPerson" checked={mode === 'inPerson'} onChange={() => setMode('inPerson')} />
        <Radio label={t.video} name="summons-mode" value="video" checked={mode === 'video'} onChange={() => setMode('video')} />
      </Fieldset>
      <Textfield
        label={mode === 'video' ? t.videoLink : t.place}
        type={mode === 'video' ? 'url' : 'text'}
        value={location}
        onChange={(event) => setLocation(event.target.value)}
      />
      <Textarea aria-label={t.reason} rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
    </StepFormFrame>
  );
}

function MergeForm({ label, run, busy, ctx, actor, otherOpenCases }: FormProps) {
  const t = useFollowUpText().steps;
  const db = useDatabase();
  const [into, setInto] = useState(otherOpenCases[0]?.id ?? '');
  const submit = async () => {
    if (await run({ type: 'merge', at: now(), intoCaseId: into })) await joinIntoCase(db, actor, into, ctx.caseDoc.details.reports);
  };
  if (otherOpenCases.length === 0) return <Paragraph>{t.noCaseToJoin}</Paragraph>;
  return (
    <StepFormFrame label={label} busy={busy} onSubmit={() => void submit()}>
      <Field>
        <Label htmlFor="follow-up-merge-into">{t.joinInto}</Label>
        <Select id="follow-up-merge-into" value={into} onChange={(event) => setInto(event.target.value)}>
          {otherOpenCases.map((c) => (
            <Select.Option key={c.id} value={c.id}>
              {c.caseNumber} {c.title}
            </Select.Option>
          ))}
        </Select>
      </Field>
    </StepFormFrame>
  );
}

function HoldConversationForm({ label, run, busy, ctx, actor }: FormProps) {
  const t = useFollowUpText().steps;
  const [participants, setParticipants] = useState(`${studentName(ctx.student)}\n${actor.name}`);
  const submit = () =>
    void run({
      type: 'holdConversation',
      at: now(),
      participants: participants
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      noteIds: ctx.notes.map((note) => note.id),
    });
  return (
    <StepFormFrame label={label} busy={busy} onSubmit={submit}>
      <Textarea aria-label={t.participants} rows={3} value={participants} onChange={(event) => setParticipants(event.target.value)} />
      <Paragraph data-size="sm">{t.notesIncluded(ctx.notes.length)}</Paragraph>
    </StepFormFrame>
  );
}

function DraftProtocolForm({ label, run, busy, ctx, actor }: FormProps) {
  const t = useFollowUpText().steps;
  const [summary, setSummary] = useState('');
  const submit = () => {
    const documentId = newDocumentId(ctx.caseDoc.id, 'protocol');
    // The protocol is rendered when it is signed, with the student's signature in it; until then a draft record.
    const make: MakeDocuments = async (next) => [
      documentRecord(next.caseDoc, { id: documentId, kind: 'protocol', title: 'Protokoll fra oppfølgingssamtale', sha256: '', signatures: [] }, actor),
    ];
    void run({ type: 'draftProtocol', at: now(), documentId, summary: summary.trim() }, make);
  };
  return (
    <StepFormFrame label={label} busy={busy} onSubmit={submit}>
      <Paragraph data-size="sm">{t.draftExplained}</Paragraph>
      <Textarea aria-label={t.summary} rows={3} value={summary} onChange={(event) => setSummary(event.target.value)} />
    </StepFormFrame>
  );
}

function CallMeetingForm({ label, run, busy, ctx }: FormProps) {
  const t = useFollowUpText().steps;
  const [meetingAt, setMeetingAt] = useState('');
  const [location, setLocation] = useState('');
  const participants = [ctx.staff.rector(), ctx.staff.coordinatorOf(ctx.caseDoc)].filter((member) => member !== undefined);
  const submit = () =>
    void run({
      type: 'callMeeting',
      at: now(),
      meetingAt: fromLocalDateTime(meetingAt) ?? '',
      location: location.trim(),
      participantIds: participants.map((member) => member.id),
    });
  return (
    <StepFormFrame label={label} busy={busy} onSubmit={submit}>
      <Paragraph data-size="sm">{t.meetingParticipants(participants.map((member) => member.name).join(', '))}</Paragraph>
      <Textfield label={t.meetingAt} type="datetime-local" value={meetingAt} onChange={(event) => setMeetingAt(event.target.value)} />
      <Textfield label={t.place} value={location} onChange={(event) => setLocation(event.target.value)} />
    </StepFormFrame>
  );
}

/** The rector's part in the decision: their view, recorded as a step of their own. */
function RectorReviewForm({ label, run, busy }: FormProps) {
  const t = useFollowUpText().steps;
  const [recommendsDecision, setRecommendsDecision] = useState(true);
  const [comment, setComment] = useState('');
  return (
    <StepFormFrame label={label} busy={busy} onSubmit={() => void run({ type: 'reviewWithRector', at: now(), recommendsDecision, comment: comment.trim() })}>
      <Fieldset>
        <Fieldset.Legend>{t.rectorView}</Fieldset.Legend>
        <Radio label={t.rectorRecommendsDecision} name="rector-view" value="decide" checked={recommendsDecision} onChange={() => setRecommendsDecision(true)} />
        <Radio
          label={t.rectorRecommendsNoDecision}
          name="rector-view"
          value="close"
          checked={!recommendsDecision}
          onChange={() => setRecommendsDecision(false)}
        />
      </Fieldset>
      <Textarea aria-label={t.rectorComment} rows={3} value={comment} onChange={(event) => setComment(event.target.value)} />
    </StepFormFrame>
  );
}

function ReasonForm({ label, run, busy }: FormProps) {
  const t = useFollowUpText().steps;
  const [reason, setReason] = useState('');
  return (
    <StepFormFrame label={label} busy={busy} onSubmit={() => void run({ type: 'closeWithoutDecision', at: now(), reason: reason.trim() })}>
      <Textarea aria-label={t.closeReason} rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
    </StepFormFrame>
  );
}

function ArchiveDecisionForm({ label, run, busy, ctx, documents }: FormProps) {
  const t = useFollowUpText().steps;
  const decision = documents.find((document) => document.id === ctx.caseDoc.details.decision?.documentId);
  const [edited, setReference] = useState<string | null>(null);
  const reference = edited ?? decision?.archiveReference ?? '';
  const archived = decision?.archiveState === 'archived';
  return (
    <StepFormFrame label={label} busy={busy} onSubmit={() => void run({ type: 'archiveDecision', at: now(), reference: reference.trim().slice(0, 100) })}>
      <Paragraph data-size="sm">{archived ? t.archivedAs(decision.archiveReference) : t.notArchivedYet}</Paragraph>
      <Textfield label={t.archiveReference} value={reference} onChange={(event) => setReference(event.target.value)} />
    </StepFormFrame>
  );
}

function SendDecisionForm({ label, run, busy }: FormProps) {
  const dictionary = useFollowUpText();
  const t = dictionary.steps;
  const today = useToday();
  const [receivedOn, setReceivedOn] = useState(today);
  const deadline = safeAppealDeadline(receivedOn);
  return (
    <StepFormFrame label={label} busy={busy} onSubmit={() => void run({ type: 'sendDecision', at: now(), receivedOn })}>
      <Textfield
        label={t.receivedOn}
        description={t.receivedOnDescription}
        type="date"
        value={receivedOn}
        onChange={(event) => setReceivedOn(event.target.value)}
      />
      <Paragraph role="status">{deadline ? t.appealDeadline(formatDate(deadline, dictionary.locale)) : t.noAppealDeadline}</Paragraph>
    </StepFormFrame>
  );
}

/** The last day to appeal by the shared rule, or undefined for a date that is not (yet) valid. */
export function safeAppealDeadline(receivedOn: string): string | undefined {
  try {
    return appealDeadline(receivedOn);
  } catch {
    return undefined;
  }
}

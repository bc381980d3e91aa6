import { Alert, Button, Checkbox, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { applicationsHandled, participantStatusLabels, placesLeft, type Participant } from '../../../../src-shared/domain/course-delivery/participants';
import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import { useDatabase } from '../../../app/providers';
import { useAppStore } from '../../../app/store';
import { formatDateTime } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { UsageBar } from '../../../ui/usage-bar';
import type { ActingUser } from '../../case/acting-user';
import { courseAccess, saveCourseEdit } from './course-details-edit';
import { decidable, decide, decisionRefusal, type DecisionRefusal, type DecisionStatus } from './participant-decisions';
import { useParticipantsText, type ParticipantsText } from './participants-text';

const statusColor: Record<Participant['status'], 'neutral' | 'success' | 'warning' | 'danger'> = {
  registered: 'neutral',
  admitted: 'success',
  waitlisted: 'warning',
  rejected: 'danger',
  withdrawn: 'neutral',
};

const refusalText = (t: ParticipantsText['bulk']['refused'], refusal: DecisionRefusal): string =>
  refusal.code === 'noSetup' ? t.noSetup : refusal.code === 'overCapacity' ? t.overCapacity(refusal.admitted, refusal.capacity) : t.other(refusal.message);

/**
 * Who registered, with their status, and the places left; the head of department selects
 * registrations and admits, waitlists or rejects them together, with an optional reason. What the
 * server would refuse (more admitted than places) is refused here first, saying why.
 */
export function RegistrationsTable({ caseDoc, actor }: { caseDoc: CourseDeliveryCase; actor: ActingUser }) {
  const t = useParticipantsText();
  const { locale } = useT();
  const language = useAppStore((state) => state.language);
  const db = useDatabase();
  const { registration, participants = [] } = caseDoc.details;
  const mayDecide = courseAccess(actor, 'participants').write;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const choosable = participants.filter(decidable);
  const admitted = participants.filter((p) => p.status === 'admitted').length;
  const allChosen = choosable.length > 0 && choosable.every((p) => selected.has(p.id));

  const toggle = (id: string) => setSelected((current) => new Set(current.has(id) ? [...current].filter((other) => other !== id) : [...current, id]));
  const apply = async (status: DecisionStatus) => {
    setMessage('');
    const decision = { at: new Date().toISOString(), by: actor.userId, reason };
    const local = decisionRefusal(registration, participants, decide(participants, selected, status, decision), actor.userId);
    if (local) {
      setRefusal(refusalText(t.bulk.refused, local));
      return;
    }
    setBusy(true);
    const problem = await saveCourseEdit(db, caseDoc.id, actor, (details) => {
      const decided = decide(details.participants ?? [], selected, status, decision);
      return { participants: decided, applications: applicationsHandled(decided, decision.at) };
    });
    setBusy(false);
    setRefusal(problem && t.bulk.refused.other(problem));
    if (problem) return;
    setMessage(t.bulk.done(selected.size, participantStatusLabels[status][language]));
    setSelected(new Set());
    setReason('');
  };

  return (
    <section aria-labelledby="course-registrations-heading" className="course-participants__part">
      <Heading level={3} data-size="xs" id="course-registrations-heading">
        {t.table.heading}
      </Heading>
      {registration && (
        <UsageBar
          label={t.places.bar(admitted, registration.capacity, Math.max(0, placesLeft(registration, participants)))}
          used={admitted}
          places={registration.capacity}
          over={t.places.over}
          width={240}
        />
      )}
      {participants.length === 0 ? (
        <Paragraph data-size="sm">{t.table.none}</Paragraph>
      ) : (
        <Table className="course-participants__table" zebra>
          <caption>{t.table.caption}</caption>
          <Table.Head>
            <Table.Row>
              {mayDecide && (
                <Table.HeaderCell>
                  <Checkbox
                    aria-label={t.table.selectAll}
                    checked={allChosen}
                    onChange={() => setSelected(new Set(allChosen ? [] : choosable.map((p) => p.id)))}
                  />
                </Table.HeaderCell>
              )}
              <Table.HeaderCell>{t.table.name}</Table.HeaderCell>
              <Table.HeaderCell>{t.table.email}</Table.HeaderCell>
              <Table.HeaderCell>{t.table.employer}</Table.HeaderCell>
              <Table.HeaderCell>{t.table.registeredAt}</Table.HeaderCell>
              <Table.HeaderCell>{t.table.status}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {participants.map((p) => (
              <Table.Row key={p.id} data-participant-id={p.id}>
                {mayDecide && (
                  <Table.Cell>
                    {decidable(p) && <Checkbox aria-label={t.table.selectOne(p.name)} checked={selected.has(p.id)} onChange={() => toggle(p.id)} />}
                  </Table.Cell>
                )}
                <Table.Cell>{p.name}</Table.Cell>
                <Table.Cell>{p.email}</Table.Cell>
                <Table.Cell>{p.employer ?? ''}</Table.Cell>
                <Table.Cell>{formatDateTime(p.registeredAt, locale)}</Table.Cell>
                <Table.Cell>
                  <Tag data-color={statusColor[p.status]} data-size="sm">
                    {participantStatusLabels[p.status][language]}
                  </Tag>
                  {p.decision?.reason && <Paragraph data-size="xs">{t.table.reasonShown(p.decision.reason)}</Paragraph>}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {!mayDecide && participants.length > 0 && <Paragraph data-size="sm">{t.table.notYours}</Paragraph>}
      {mayDecide && choosable.length > 0 && (
        <fieldset className="course-participants__bulk" aria-describedby="course-registrations-selected">
          <legend>{t.bulk.heading}</legend>
          <Paragraph data-size="sm" id="course-registrations-selected">
            {t.bulk.selected(selected.size)}
          </Paragraph>
          <Textfield
            label={t.bulk.reason}
            description={t.bulk.reasonDescription}
            value={reason}
            maxLength={1000}
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="course-participants__actions">
            <Button type="button" disabled={busy || selected.size === 0} onClick={() => void apply('admitted')}>
              {t.bulk.admit}
            </Button>
            <Button type="button" variant="secondary" disabled={busy || selected.size === 0} onClick={() => void apply('waitlisted')}>
              {t.bulk.waitlist}
            </Button>
            <Button type="button" variant="secondary" disabled={busy || selected.size === 0} onClick={() => void apply('rejected')}>
              {t.bulk.reject}
            </Button>
          </div>
        </fieldset>
      )}
      <Paragraph role="status" data-size="sm">
        {message}
      </Paragraph>
      {refusal && (
        <Alert data-color="danger" role="alert">
          {refusal}
        </Alert>
      )}
    </section>
  );
}

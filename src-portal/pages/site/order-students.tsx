import { Button, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import type { SiteChangeRequest, SiteOrder } from '../../../src-shared/portal/site.contract';
import { ChangeRefusedError, type PortalApi } from '../../api/portal-api';
import { formatDate } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/language';
import { Contact } from './contact';

/**
 * "Studentene": the students distributed to the order, each with supervisor and the institution's
 * teacher, and the site's supervisor change requests with the institution's answer; a request for
 * another supervisor of the student's class (the institution decides, the site never changes it).
 */
export function OrderStudents({ api, order, onDone }: { api: PortalApi; order: SiteOrder; onDone(text: string, ok: boolean): void }) {
  const t = useT();
  const s = t.site.students;
  const c = t.site.change;
  const [personId, setPersonId] = useState(order.students[0]?.personId ?? '');
  const student = order.students.find((candidate) => candidate.personId === personId);
  const candidates = (order.staffing?.find((staff) => staff.className === student?.className)?.supervisors ?? []).filter(
    (v) => v.userId !== student?.supervisor.userId,
  );
  const canRequest = order.status === 'studentsDistributed' || order.status === 'inProgress';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    try {
      await api.requestSupervisorChange(order.id, { personId, toId: String(form.get('toId')), reason: String(form.get('reason')) });
      element.reset();
      onDone(c.done, true);
    } catch (error) {
      onDone(error instanceof ChangeRefusedError ? (error.status === 409 ? c.conflict : c.invalid) : t.failed, false);
    }
  }

  return (
    <section aria-labelledby="order-students-title">
      <Heading level={2} data-size="md" id="order-students-title">
        {s.ofOrder(order.students.length)}
      </Heading>
      <Table zebra className="portal-table" data-testid="order-students" aria-labelledby="order-students-title">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{s.student}</Table.HeaderCell>
            <Table.HeaderCell>{s.classColumn}</Table.HeaderCell>
            <Table.HeaderCell>{s.supervisor}</Table.HeaderCell>
            <Table.HeaderCell>{s.teacher}</Table.HeaderCell>
            <Table.HeaderCell>{c.column}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {order.students.map((st) => (
            <Table.Row key={st.personId}>
              <Table.Cell>
                <Contact person={st} />
              </Table.Cell>
              <Table.Cell>{st.className}</Table.Cell>
              <Table.Cell>
                <Contact person={st.supervisor} />
              </Table.Cell>
              <Table.Cell>
                <Contact person={st.teacher} />
              </Table.Cell>
              <Table.Cell data-testid="change-state">
                {st.changeRequests.length === 0 ? '–' : st.changeRequests.map((r) => <ChangeState key={r.id} request={r} />)}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {canRequest && (
        <form onSubmit={(event) => void submit(event)} className="portal-form" aria-labelledby="change-title">
          <Heading level={3} data-size="sm" id="change-title">
            {c.title}
          </Heading>
          <Paragraph>{c.help}</Paragraph>
          <Field>
            <Label htmlFor="change-student">{c.student}</Label>
            <Select id="change-student" value={personId} onChange={(event) => setPersonId(event.target.value)}>
              {order.students.map((st) => (
                <Select.Option key={st.personId} value={st.personId}>
                  {st.name} ({st.supervisor.name})
                </Select.Option>
              ))}
            </Select>
          </Field>
          {candidates.length === 0 ? (
            <Paragraph>{c.noOther}</Paragraph>
          ) : (
            <>
              <Field>
                <Label htmlFor="change-to">{c.to}</Label>
                <Select id="change-to" name="toId" key={personId}>
                  {candidates.map((v) => (
                    <Select.Option key={v.userId} value={v.userId}>
                      {v.name}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <Textfield name="reason" multiline rows={3} maxLength={2000} required label={c.reason} />
              <Button type="submit">{c.send}</Button>
            </>
          )}
        </form>
      )}
    </section>
  );
}

function ChangeState({ request }: { request: SiteChangeRequest }) {
  const t = useT();
  const c = t.site.change;
  const { language } = useLanguage();
  const when = formatDate(request.requestedAt.slice(0, 10), language);
  return (
    <Paragraph data-size="sm">
      {c.state[request.state](request.to.name, when)}
      {request.comment ? ` ${c.comment(request.comment)}` : ''}
    </Paragraph>
  );
}

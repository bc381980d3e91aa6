import { Alert, Button, Field, Heading, Label, Paragraph } from '@digdir/designsystemet-react';
import { useId, useRef, useState } from 'react';
import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import { useDatabase } from '../../../app/providers';
import type { ActingUser } from '../../case/acting-user';
import { saveCourseEdit } from '../participants/course-details-edit';
import { parsePassList } from './pass-list-csv';
import { useResultsText } from './results-text';

/** The teaching resource uploads the pass list as CSV; a list with any bad row is refused whole, each problem named. */
export function PassListUpload({ caseDoc, actor }: { caseDoc: CourseDeliveryCase; actor: ActingUser }) {
  const t = useResultsText().upload;
  const db = useDatabase();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [problems, setProblems] = useState<string[]>([]);

  const upload = async () => {
    setMessage('');
    const file = input.current?.files?.[0];
    if (!file) return setProblems([t.chooseFile]);
    setBusy(true);
    try {
      const parsed = parsePassList(await file.text());
      if (!parsed.ok) return setProblems(parsed.problems.map(t.problem));
      const results = { source: 'teacher' as const, recordedAt: new Date().toISOString(), recordedBy: actor.userId, entries: parsed.entries };
      const refusal = await saveCourseEdit(db, caseDoc.id, actor, () => ({ results }));
      setProblems(refusal ? [refusal] : []);
      if (!refusal) {
        setMessage(t.saved(parsed.entries.length));
        input.current!.value = '';
      }
    } catch {
      setProblems([t.unreadable]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="course-results__part">
      <Heading level={3} data-size="xs" id={`${id}-heading`}>
        {t.heading}
      </Heading>
      <form
        noValidate
        className="course-results__upload"
        onSubmit={(event) => {
          event.preventDefault();
          void upload();
        }}
      >
        <Field>
          <Label htmlFor={`${id}-file`}>{t.file}</Label>
          <Field.Description id={`${id}-description`}>{t.description}</Field.Description>
          <input id={`${id}-file`} ref={input} type="file" accept=".csv,text/csv" aria-describedby={`${id}-description`} />
        </Field>
        <div>
          <Button type="submit" disabled={busy}>
            {t.submit}
          </Button>
        </div>
      </form>
      <Paragraph role="status" data-size="sm">
        {message}
      </Paragraph>
      {problems.length > 0 && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t.refused}</Paragraph>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Alert>
      )}
    </section>
  );
}

import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Radio, Tag, Textarea, Textfield } from '@digdir/designsystemet-react';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { Actor } from '../../../src-shared/domain/access/roles';
import type { FollowUpCase } from '../../../src-shared/domain/follow-up/follow-up.workflow';
import { noteSchema, type Note, type NoteVisibility } from '../../../src-shared/domain/note/note.schema';
import { summarizeZodError } from '../../../src-shared/kernel/app-error';
import { useDatabase } from '../../app/providers';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { NoteVisibilityTag } from '../case/note-visibility-tag';
import { writableNoteVisibilities } from '../case/note-visibility';
import { useFollowUpText } from './follow-up-text';

/**
 * Conversation notes: append-only records in the local replica (so they are written with the
 * laptop offline and sync later). A note is never changed; a correction is a new note pointing at
 * the one it corrects. Once the protocol is signed, its notes are part of a signed document: a
 * correction is still recorded, and marked as coming after the signed protocol. A note is internal
 * unless the writer shares it with the student (when their role may write shared notes).
 */
export function NotesEditor({ caseDoc, notes, actor }: { caseDoc: FollowUpCase; notes: readonly Note[]; actor: Actor }) {
  const dictionary = useFollowUpText();
  const t = dictionary.notes;
  const labels = useT().casePage;
  const { locale } = dictionary;
  const db = useDatabase();
  const headingId = useId();
  const formRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<NoteVisibility>('internal');
  const [withMeasure, setWithMeasure] = useState(false);
  const [measure, setMeasure] = useState({ text: '', ownerName: '', due: '' });
  const [correcting, setCorrecting] = useState<Note | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const signedAt = caseDoc.details.protocol?.coordinatorSignature?.signedAt;
  const visibilities = writableNoteVisibilities(actor, caseDoc);
  const mayWrite = visibilities.length > 0;
  const chosenVisibility = visibilities.includes(visibility) ? visibility : visibilities[0];
  const byId = new Map(notes.map((note) => [note.id, note]));

  // Whether the form holds a new draft, read after an asynchronous save that failed.
  const draft = useRef('');
  const changeText = (value: string) => {
    draft.current = value;
    setText(value);
  };
  const fill = (form: { text: string; visibility: NoteVisibility; measure?: Note['agreedMeasure']; correcting: Note | null }) => {
    changeText(form.text);
    setVisibility(form.visibility);
    setWithMeasure(form.measure !== undefined);
    setMeasure(form.measure ?? { text: '', ownerName: '', due: '' });
    setCorrecting(form.correcting);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const note = noteSchema.safeParse({
      id: `note-${crypto.randomUUID()}`,
      caseId: caseDoc.id,
      authorId: actor.userId,
      authorName: actor.name,
      createdAt: new Date().toISOString(),
      text: text.trim(),
      visibility: chosenVisibility,
      ...(withMeasure ? { agreedMeasure: { ...measure, text: measure.text.trim() } } : {}),
      ...(correcting ? { correctsNoteId: correcting.id } : {}),
    });
    if (!note.success) {
      setProblem(t.invalid(summarizeZodError(note.error)));
      return;
    }
    // The form is emptied at once, so a next note typed while this one is stored is never wiped.
    const submitted = { text, visibility, measure: withMeasure ? measure : undefined, correcting };
    fill({ text: '', visibility: 'internal', correcting: null });
    try {
      await db.notes.insert(note.data);
    } catch (error) {
      if (draft.current === '') fill(submitted);
      setProblem(t.saveFailed(error instanceof Error ? error.message : String(error)));
      return;
    }
    setProblem(null);
    setSaved(t.saved);
  };

  const correct = (note: Note) => {
    // A correction takes the corrected note's place in the protocol, measure included: start from it.
    fill({ text: note.text, visibility: note.visibility, measure: note.agreedMeasure, correcting: note });
    formRef.current?.focus();
  };

  return (
    <section aria-labelledby={headingId} className="follow-up-notes">
      <Heading level={2} data-size="sm" id={headingId}>
        {t.heading}
      </Heading>
      <Paragraph data-size="sm">{t.offlineHint}</Paragraph>
      {notes.length === 0 ? (
        <Paragraph>{t.none}</Paragraph>
      ) : (
        <ol className="follow-up-notes__list" aria-label={t.listLabel}>
          {notes.map((note) => {
            const corrected = note.correctsNoteId ? byId.get(note.correctsNoteId) : undefined;
            return (
              <li key={note.id} className="follow-up-notes__note">
                <Paragraph data-size="sm" className="follow-up-notes__byline">
                  {t.byline(note.authorName, formatDateTime(note.createdAt, locale))} <NoteVisibilityTag visibility={note.visibility} />{' '}
                  {signedAt && note.createdAt <= signedAt && <Tag data-size="sm">{t.inSignedProtocol}</Tag>}
                  {signedAt && note.createdAt > signedAt && note.correctsNoteId && (
                    <Tag data-size="sm" data-color="warning">
                      {t.afterSigning}
                    </Tag>
                  )}
                </Paragraph>
                {corrected && <Paragraph data-size="sm">{t.corrects(corrected.text.slice(0, 80))}</Paragraph>}
                <Paragraph className="follow-up-notes__text">{note.text}</Paragraph>
                {note.agreedMeasure && (
                  <Paragraph data-size="sm">
                    <strong>{t.measure}:</strong> {note.agreedMeasure.text} (
                    {t.measureOwner(note.agreedMeasure.ownerName, formatDate(note.agreedMeasure.due, locale))})
                  </Paragraph>
                )}
                {mayWrite && (
                  <Button variant="tertiary" data-size="sm" onClick={() => correct(note)} aria-label={t.correctLabel(formatDateTime(note.createdAt, locale))}>
                    {t.correct}
                  </Button>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {mayWrite ? (
        <form className="follow-up-notes__form" onSubmit={(event) => void save(event)} noValidate>
          <Heading level={3} data-size="2xs">
            {correcting ? t.correctionHeading : t.newHeading}
          </Heading>
          {correcting && (
            <Paragraph data-size="sm">
              {t.correcting(formatDateTime(correcting.createdAt, locale))}{' '}
              <Button variant="tertiary" data-size="sm" type="button" onClick={() => setCorrecting(null)}>
                {t.cancelCorrection}
              </Button>
            </Paragraph>
          )}
          {correcting && signedAt && <Alert data-color="warning">{t.correctionAfterSigning}</Alert>}
          <Textarea ref={formRef} aria-label={t.text} rows={4} value={text} onChange={(event) => changeText(event.target.value)} />
          {visibilities.length > 1 && (
            <Fieldset>
              <Fieldset.Legend>{labels.noteVisibility}</Fieldset.Legend>
              {visibilities.map((option) => (
                <Radio
                  key={option}
                  label={labels.noteVisibilities[option]}
                  name="note-visibility"
                  value={option}
                  checked={chosenVisibility === option}
                  onChange={() => setVisibility(option)}
                />
              ))}
            </Fieldset>
          )}
          {visibilities.length === 1 && chosenVisibility && (
            <Paragraph data-size="sm">
              {labels.noteVisibility}: {labels.noteVisibilities[chosenVisibility]}
            </Paragraph>
          )}
          <Checkbox label={t.addMeasure} checked={withMeasure} onChange={(event) => setWithMeasure(event.target.checked)} />
          {withMeasure && (
            <div className="follow-up-notes__measure">
              <Textfield label={t.measureText} value={measure.text} onChange={(event) => setMeasure({ ...measure, text: event.target.value })} />
              <Textfield
                label={t.measureOwnerLabel}
                value={measure.ownerName}
                onChange={(event) => setMeasure({ ...measure, ownerName: event.target.value })}
              />
              <Textfield label={t.measureDue} type="date" value={measure.due} onChange={(event) => setMeasure({ ...measure, due: event.target.value })} />
            </div>
          )}
          {problem && (
            <Alert data-color="danger" role="alert">
              {problem}
            </Alert>
          )}
          <div role="status">{saved && <Paragraph data-size="sm">{saved}</Paragraph>}</div>
          <Button type="submit" disabled={text.trim() === ''}>
            {correcting ? t.saveCorrection : t.save}
          </Button>
        </form>
      ) : (
        <Paragraph data-size="sm">{t.readOnly}</Paragraph>
      )}
    </section>
  );
}

import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Note } from '../../../src-shared/domain/note/note.schema';
import { formatDate } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { NoteVisibilityTag } from './note-visibility-tag';

/** Notes newest first; notes are append-only, so this is a read-only list. */
export function CaseNotes({ notes }: { notes: readonly Note[] | undefined }) {
  const t = useT();
  return (
    <section aria-labelledby="case-notes-heading" className="case-notes">
      <Heading level={2} data-size="sm" id="case-notes-heading">
        {t.casePage.notes}
      </Heading>
      {notes?.length === 0 && <Paragraph>{t.casePage.noNotes}</Paragraph>}
      <ol className="case-notes__list">
        {notes?.map((note) => (
          <li key={note.id} className="case-notes__note">
            <Paragraph data-size="sm" className="case-notes__byline">
              {t.casePage.writtenBy(note.authorName, formatDate(note.createdAt, t.locale))} <NoteVisibilityTag visibility={note.visibility} />
            </Paragraph>
            <Paragraph className="case-notes__text">{note.text}</Paragraph>
            {note.agreedMeasure && (
              <Paragraph data-size="sm">
                <strong>{t.casePage.agreedMeasure}:</strong> {note.agreedMeasure.text} (
                {t.casePage.measureOwner(note.agreedMeasure.ownerName, formatDate(note.agreedMeasure.due, t.locale))})
              </Paragraph>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

import { Tag } from '@digdir/designsystemet-react';
import type { NoteVisibility } from '../../../src-shared/domain/note/note.schema';
import { useT } from '../../i18n/use-t';

/** Who a note is for, shown on the note: internal, or shared with the case's external party. */
export function NoteVisibilityTag({ visibility }: { visibility: NoteVisibility }) {
  const t = useT();
  return (
    <Tag data-size="sm" data-color={visibility === 'shared' ? 'info' : 'neutral'} className="note-visibility">
      <span className="ds-sr-only">{t.casePage.noteVisibility}: </span>
      {t.casePage.noteVisibilities[visibility]}
    </Tag>
  );
}

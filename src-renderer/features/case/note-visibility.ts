import { checkRecordWrite } from '../../../src-shared/domain/access/record-write';
import type { Actor } from '../../../src-shared/domain/access/roles';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { noteVisibilities, type NoteVisibility } from '../../../src-shared/domain/note/note.schema';

/** The visibilities the actor may give a new note on this case now (access-table.ts), internal first. */
export function writableNoteVisibilities(actor: Actor, c: Case): NoteVisibility[] {
  return noteVisibilities.filter((visibility) => checkRecordWrite({ actor, parent: c, collection: 'notes', before: null, after: { visibility } }).ok);
}

import { describe, expect, it } from 'vitest';
import type { Note } from '../domain/note/note.schema';
import { protocolContent } from './protocol-content';

const note = (id: string, minute: number, text: string, extra: Partial<Note> = {}): Note => ({
  id,
  caseId: 'case-1',
  authorId: 'staff-1',
  authorName: 'Kari Nordmann',
  createdAt: `2026-10-20T09:${String(minute).padStart(2, '0')}:00.000Z`,
  text,
  visibility: 'internal',
  ...extra,
});

describe('protocolContent', () => {
  it('keeps notes in writing order and lists their agreed measures', () => {
    const content = protocolContent([
      note('b', 20, 'Second', { agreedMeasure: { text: 'Deliver', ownerName: 'Åse', due: '2026-11-15' } }),
      note('a', 10, 'First'),
    ]);
    expect(content.entries.map((entry) => entry.text)).toEqual(['First', 'Second']);
    expect(content.measures).toEqual([{ noteId: 'b', text: 'Deliver', ownerName: 'Åse', due: '2026-11-15' }]);
  });

  it('shows the latest correction in place of the note it corrects, with the measure of the correction', () => {
    const content = protocolContent([
      note('a', 10, 'Original', { agreedMeasure: { text: 'Old measure', ownerName: 'Kari', due: '2026-11-01' } }),
      note('b', 15, 'Unrelated'),
      note('c', 30, 'Corrected once', { correctsNoteId: 'a' }),
      note('d', 40, 'Corrected twice', { correctsNoteId: 'c', agreedMeasure: { text: 'New measure', ownerName: 'Kari', due: '2026-11-02' } }),
    ]);
    expect(content.entries).toEqual([
      {
        noteId: 'd',
        authorName: 'Kari Nordmann',
        writtenAt: '2026-10-20T09:40:00.000Z',
        text: 'Corrected twice',
        correctsNoteWrittenAt: '2026-10-20T09:10:00.000Z',
      },
      { noteId: 'b', authorName: 'Kari Nordmann', writtenAt: '2026-10-20T09:15:00.000Z', text: 'Unrelated' },
    ]);
    expect(content.measures.map((measure) => measure.text)).toEqual(['New measure']);
  });

  it('keeps a correction whose original is not in the list as an ordinary entry', () => {
    const content = protocolContent([note('c', 30, 'Correction of a note from another sync batch', { correctsNoteId: 'missing' })]);
    expect(content.entries).toHaveLength(1);
    expect(content.entries[0]?.correctsNoteWrittenAt).toBeUndefined();
  });
});

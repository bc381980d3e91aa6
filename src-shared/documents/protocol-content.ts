import type { Note } from '../domain/note/note.schema';

export interface ProtocolEntry {
  noteId: string;
  authorName: string;
  /** When the text shown was written (the correction's time for a corrected note). */
  writtenAt: string;
  text: string;
  /** Set when the text shown replaces an earlier note: the time of the original. */
  correctsNoteWrittenAt?: string;
}

export interface AgreedMeasure {
  noteId: string;
  text: string;
  ownerName: string;
  due: string;
}

export interface ProtocolContent {
  entries: ProtocolEntry[];
  measures: AgreedMeasure[];
}

/**
 * What the protocol says, from the append-only notes: a correction (a note pointing at an earlier
 * one) takes the place of the note it corrects, chains of corrections resolve to the latest, and
 * agreed measures are read from the notes that remain. Entries keep the order of the originals.
 */
export function protocolContent(notes: readonly Note[]): ProtocolContent {
  const byId = new Map(notes.map((note) => [note.id, note]));
  const latestCorrection = new Map<string, Note>();
  for (const note of [...notes].sort(byCreatedAt)) {
    if (note.correctsNoteId === undefined) continue;
    const originalId = rootOf(note, byId);
    latestCorrection.set(originalId, note);
  }

  const originals = notes.filter((note) => note.correctsNoteId === undefined || !byId.has(note.correctsNoteId));
  const shown = originals.sort(byCreatedAt).map((original) => {
    const correction = latestCorrection.get(original.id);
    return { original, current: correction ?? original };
  });

  return {
    entries: shown.map(({ original, current }) => ({
      noteId: current.id,
      authorName: current.authorName,
      writtenAt: current.createdAt,
      text: current.text,
      ...(current === original ? {} : { correctsNoteWrittenAt: original.createdAt }),
    })),
    measures: shown.flatMap(({ current }) => (current.agreedMeasure ? [{ noteId: current.id, ...current.agreedMeasure }] : [])),
  };
}

/** The first note of a correction chain; a chain whose start is missing ends at the oldest known note. */
function rootOf(note: Note, byId: ReadonlyMap<string, Note>): string {
  let current = note;
  const seen = new Set<string>();
  while (current.correctsNoteId !== undefined && !seen.has(current.id)) {
    seen.add(current.id);
    const previous = byId.get(current.correctsNoteId);
    if (!previous) return current.id;
    current = previous;
  }
  return current.id;
}

function byCreatedAt(a: Note, b: Note): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id.localeCompare(b.id);
}

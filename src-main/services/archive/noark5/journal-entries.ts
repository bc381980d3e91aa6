import { createHash } from 'node:crypto';
import type { Noark5Document } from './arkivstruktur';

/** A document as the journal has it: journaled when archived, numbered in its year and in its case. */
export interface JournalEntry {
  document: Noark5Document;
  /** journalaar and journaldato: the one moment the document was archived. */
  year: string;
  date: string;
  /** journalsekvensnummer: runs per journal year, in the order documents were archived. */
  sequence: number;
  /** journalpostnummer: runs per case, in the same order. */
  numberInCase: number;
}

/** The documents in journal order, numbered; arkivstruktur.xml and both journals read these. */
export function journalEntries(documents: readonly Noark5Document[]): JournalEntry[] {
  const perYear = new Map<string, number>();
  const perCase = new Map<string, number>();
  return [...documents]
    .sort((a, b) => a.archivedAt.localeCompare(b.archivedAt))
    .map((document) => {
      const date = document.archivedAt.slice(0, 10);
      const year = date.slice(0, 4);
      const sequence = (perYear.get(year) ?? 0) + 1;
      const numberInCase = (perCase.get(document.record.case.id) ?? 0) + 1;
      perYear.set(year, sequence);
      perCase.set(document.record.case.id, numberInCase);
      return { document, year, date, sequence, numberInCase };
    });
}

/** "2026/00042" → [2026, 42]; other numbering falls back to the opening year and a stable number. */
export function caseNumberParts(caseNumber: string, openedAt: string): [number, number] {
  const match = /^(\d{4})\/(\d+)$/.exec(caseNumber);
  if (match) return [Number(match[1]), Number(match[2])];
  return [Number(openedAt.slice(0, 4)), parseInt(createHash('sha256').update(caseNumber).digest('hex').slice(0, 6), 16)];
}

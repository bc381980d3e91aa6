import { describe, expect, it } from 'vitest';
import { documentKinds } from '../domain/document/document.schema';
import { documentFiling } from './document-filing';

/** Noark 5 M082 journalposttype and the P360 journal category that is the same thing, written out apart from the table. */
const SAME_JOURNAL_TYPE: Record<string, string> = {
  'Inngående dokument': 'Dokument inn',
  'Utgående dokument': 'Dokument ut',
  'Organinternt dokument for oppfølging': 'Internt notat med oppfølging',
  'Organinternt dokument uten oppfølging': 'Internt notat uten oppfølging',
};

describe('document filing table', () => {
  it.each(documentKinds)('files %s with a P360 category and a Noark 5 journalposttype that agree', (kind) => {
    const filing = documentFiling(kind);
    expect(Object.keys(SAME_JOURNAL_TYPE)).toContain(filing.noark5Journalposttype);
    expect(filing.p360Category).toBe(SAME_JOURNAL_TYPE[filing.noark5Journalposttype]);
  });

  it('files the letters the institution sends as outgoing and the protocol to the head as an internal memo', () => {
    for (const kind of ['summons', 'decision', 'letter', 'certificate'] as const) expect(documentFiling(kind).p360Category).toBe('Dokument ut');
    expect(documentFiling('protocol')).toEqual({
      p360Category: 'Internt notat uten oppfølging',
      noark5Journalposttype: 'Organinternt dokument uten oppfølging',
    });
    expect(documentKinds.map((kind) => documentFiling(kind).p360Category)).not.toContain('Vedtak');
  });
});

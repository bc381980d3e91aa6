import type { documentKinds } from '../domain/document/document.schema';

type DocumentKind = (typeof documentKinds)[number];

/**
 * The journal types a document can be filed as, each with its name in both archives: the P360
 * journal category (what SIF's CreateDocument takes as `Category`) and the Noark 5
 * `journalposttype` (M082). Both archives read them from here, so they never disagree.
 */
export const journalTypes = {
  incoming: { p360Category: 'Dokument inn', noark5Journalposttype: 'Inngående dokument' },
  outgoing: { p360Category: 'Dokument ut', noark5Journalposttype: 'Utgående dokument' },
  internalWithFollowUp: { p360Category: 'Internt notat med oppfølging', noark5Journalposttype: 'Organinternt dokument for oppfølging' },
  internalWithoutFollowUp: { p360Category: 'Internt notat uten oppfølging', noark5Journalposttype: 'Organinternt dokument uten oppfølging' },
} as const;
export type JournalType = keyof typeof journalTypes;
export type DocumentFiling = (typeof journalTypes)[JournalType];

/**
 * How each document kind is journaled. Letters the institution sends (summons, decision,
 * contract sent for signature, certificate) are outgoing; the conversation protocol goes to the
 * head of department as an internal memo; anything else is an internal note.
 */
export const documentJournalType: Record<DocumentKind, JournalType> = {
  summons: 'outgoing',
  protocol: 'internalWithoutFollowUp',
  decision: 'outgoing',
  letter: 'outgoing',
  contract: 'outgoing',
  certificate: 'outgoing',
  other: 'internalWithoutFollowUp',
};

/** The P360 category and Noark 5 journalposttype a document of `kind` is filed with. */
export const documentFiling = (kind: DocumentKind): DocumentFiling => journalTypes[documentJournalType[kind]];

/**
 * What the local replica keeps encrypted at rest, per collection and field, with why (issue 14).
 * The rule: whatever names or describes a person, or says what happened in a case, is encrypted;
 * what the overview and the queries filter, sort or index on (ids, type, status, dates, case
 * number, kinds and states) stays plain, and so does the institution's public directory. A path
 * names a whole top-level field (its nested content is encrypted with it), never an indexed one.
 * collections.ts takes each collection's RxDB `encrypted` list from here.
 */
export const encryptedFields = {
  cases: {
    title: 'names the student or applicant',
    details: "the case's own data: reports, grounds, decision texts, names, e-mail addresses, results",
  },
  notes: {
    text: 'what was said about the person',
    authorName: "the staff member's name next to what they wrote",
    agreedMeasure: 'the measure agreed with the person, and who follows it up',
  },
  documents: {
    title: 'names the person the document is about',
    signatures: 'the names of those who signed',
  },
  tasks: {
    title: 'often names the person (e.g. "Ring Åse om fraværet")',
  },
  people: {
    givenName: 'name',
    familyName: 'name',
    nationalId: 'fødselsnummer or D-number',
    email: 'personal contact',
  },
  staff: {},
  organisation: {},
  offers: {},
  activities: {
    students: "the students' names, e-mail, home municipality, wishes and earlier placements",
    distribution: 'where each student is placed, and why in words',
  },
  conflicts: {
    fields: "copies of the documents' field values (this laptop's and the server's) kept for the conflict inbox and for refused changes",
    message: "the server's words on a refused change, which may quote a value",
  },
} as const satisfies Record<string, Record<string, string>>;

/**
 * Left plain on purpose: `staff` and `organisation` are the institution's public directory (staff
 * names and work e-mail, units, partners, sites); `offers` describe education offers and their
 * admission set-up, with no person in them; an activity's classes name their teachers from that
 * directory. People's `institution` and `cohorts` are codes the access rules use, not personal data.
 */
export type EncryptedCollection = keyof typeof encryptedFields;

/** The encrypted paths of a collection (RxDB's `encrypted` list). */
export function encryptedPathsOf(name: EncryptedCollection): string[] {
  return Object.keys(encryptedFields[name]);
}

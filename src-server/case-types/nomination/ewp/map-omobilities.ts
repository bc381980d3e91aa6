import { z } from 'zod';
import { ewpNominationSchema, type EwpNomination } from '../../../../src-shared/domain/nomination/ewp-nomination';
import { summarizeZodError } from '../../../../src-shared/kernel/app-error';
import { readEwpXml } from './ewp-xml';

/** A mobility of the file that could not become a draft, and why. */
export interface MappingProblem {
  omobilityId: string | null;
  message: string;
}

export interface MappedMobilities {
  mobilities: EwpNomination[];
  problems: MappingProblem[];
}

const ROOT = 'omobilities-get-response';
const MOBILITY = `${ROOT}.student-mobility`;
const REPEATED = new Set([
  MOBILITY,
  `${MOBILITY}.student.given-names`,
  `${MOBILITY}.student.family-name`,
  `${MOBILITY}.student.photo-url`,
  `${MOBILITY}.student.phone-number`,
  `${MOBILITY}.nominee-language-skill`,
  `${MOBILITY}.additional-requirement`,
]);

/** An element of EWP's StringWithOptionalLang: text, or text with xml:lang. */
const langText = z
  .union([z.string(), z.object({ '#text': z.string().default(''), '@lang': z.string().optional() })])
  .transform((value) => (typeof value === 'string' ? { text: value, lang: undefined } : { text: value['#text'], lang: value['@lang'] }));
const hei = z.object({ 'hei-id': z.string(), 'ounit-id': z.string().optional(), 'iia-id': z.string().optional() });
const eqf = z.string().transform(Number).optional();

/** The elements of a student-mobility this mapping reads (the others are left out). */
const rawMobilitySchema = z.object({
  'omobility-id': z.string(),
  'sending-hei': hei,
  'receiving-hei': hei,
  'sending-academic-term-ewp-id': z.string().optional(),
  'receiving-academic-year-id': z.string(),
  student: z.object({
    'given-names': z.array(langText).min(1),
    'family-name': z.array(langText).min(1),
    'global-id': z.string(),
    'birth-date': z.string().optional(),
    citizenship: z.string().optional(),
    email: z.string().optional(),
  }),
  status: z.string(),
  'activity-type': z.string(),
  'activity-attributes': z.string(),
  'planned-arrival-date': z.string().optional(),
  'planned-departure-date': z.string().optional(),
  'eqf-level-studied-at-nomination': eqf,
  'eqf-level-studied-at-departure': eqf,
  'nominee-isced-f-code': z.string().optional(),
  'nominee-language-skill': z.array(z.object({ language: z.string(), 'cefr-level': z.string().optional() })).default([]),
});
type RawMobility = z.infer<typeof rawMobilitySchema>;

/** An empty response is an empty element (''), otherwise its mobilities. */
const documentSchema = z.object({ [ROOT]: z.union([z.literal(''), z.object({ 'student-mobility': z.array(z.unknown()).default([]) })]) });

/**
 * Maps an Outgoing Mobilities get response (stable v2) that passed the XSD (validate-ewp-xml.ts)
 * to nomination drafts, one per student-mobility. Pure. A mobility that does not fit the draft's
 * limits is a problem of its own; the others still map.
 */
export function mapOmobilitiesGetResponse(xml: string): MappedMobilities {
  const document = documentSchema.safeParse(readEwpXml(xml, REPEATED));
  if (!document.success)
    return { mobilities: [], problems: [{ omobilityId: null, message: `Not an omobilities get response: ${summarizeZodError(document.error)}` }] };
  const root = document.data[ROOT];
  const result: MappedMobilities = { mobilities: [], problems: [] };
  for (const element of root === '' ? [] : root['student-mobility']) {
    const raw = rawMobilitySchema.safeParse(element);
    const draft = raw.success ? ewpNominationSchema.safeParse(toDraft(raw.data)) : raw;
    if (draft.success) result.mobilities.push(draft.data);
    else result.problems.push({ omobilityId: omobilityIdOf(element), message: summarizeZodError(draft.error) });
  }
  return result;
}

function toDraft(raw: RawMobility): z.input<typeof ewpNominationSchema> {
  const student = raw.student;
  const givenNames = byLanguage(student['given-names']);
  const familyName = byLanguage(student['family-name']);
  const mainLang = givenNames.main.lang;
  const otherLangs = [...new Set([...givenNames.others, ...familyName.others].map((name) => name.lang))].filter(
    (lang) => lang !== undefined && lang !== mainLang,
  );
  return {
    omobilityId: raw['omobility-id'],
    status: raw.status as EwpNomination['status'],
    sendingHei: toHei(raw['sending-hei']),
    receivingHei: toHei(raw['receiving-hei']),
    student: {
      givenNames: givenNames.main.text,
      familyName: familyName.main.text,
      otherNames: otherLangs.map((lang) => ({
        lang: lang!,
        givenNames: givenNames.others.find((name) => name.lang === lang)?.text,
        familyName: familyName.others.find((name) => name.lang === lang)?.text,
      })),
      globalId: student['global-id'],
      birthDate: student['birth-date'],
      citizenship: student.citizenship,
      email: student.email,
    },
    period: {
      sendingAcademicTerm: raw['sending-academic-term-ewp-id'],
      receivingAcademicYear: raw['receiving-academic-year-id'],
      plannedArrival: raw['planned-arrival-date'],
      plannedDeparture: raw['planned-departure-date'],
    },
    activity: {
      type: raw['activity-type'] as EwpNomination['activity']['type'],
      attributes: raw['activity-attributes'] as EwpNomination['activity']['attributes'],
    },
    iscedCode: raw['nominee-isced-f-code'],
    eqfLevelAtNomination: raw['eqf-level-studied-at-nomination'],
    eqfLevelAtDeparture: raw['eqf-level-studied-at-departure'],
    languageSkills: raw['nominee-language-skill'].map((skill) => ({
      language: skill.language,
      cefrLevel: skill['cefr-level'] as EwpNomination['languageSkills'][number]['cefrLevel'],
    })),
  };
}

function toHei(raw: z.infer<typeof hei>): z.input<typeof ewpNominationSchema>['sendingHei'] {
  return { heiId: raw['hei-id'], ounitId: raw['ounit-id'], iiaId: raw['iia-id'] };
}

type LangText = { text: string; lang: string | undefined };

/** The name to use: the one without a language, else the first in Latin script; the rest are other spellings. */
function byLanguage(names: LangText[]): { main: LangText; others: LangText[] } {
  const main = names.find((name) => name.lang === undefined) ?? names.find((name) => isLatin(name.lang!)) ?? names[0]!;
  return { main, others: names.filter((name) => name !== main) };
}

/** BCP 47: a script subtag (four letters) other than Latn means another script (ru-Cyrl). */
function isLatin(lang: string): boolean {
  const script = lang.split('-').find((subtag, index) => index > 0 && /^[A-Za-z]{4}$/.test(subtag));
  return script === undefined || script.toLowerCase() === 'latn';
}

function omobilityIdOf(element: unknown): string | null {
  const id = (element as Record<string, unknown> | null)?.['omobility-id'];
  return typeof id === 'string' ? id : null;
}

import type { NominationField } from './nomination-csv-draft';

/** A text shown to nominators, in both languages of the portal. */
export interface CsvText {
  nb: string;
  en: string;
}

export interface NominationCsvColumn {
  field: NominationField;
  /** The header the template writes. */
  label: CsvText;
  /** Further headers read as this column (compared after normaliseHeader). */
  aliases: readonly string[];
  required: boolean;
  /** What a valid cell looks like, shown when a cell is not. */
  invalid: CsvText;
  /** The template's example cell. */
  example: string;
}

/** The columns of a nomination file, in the template's order. */
export const nominationCsvColumns: readonly NominationCsvColumn[] = [
  {
    field: 'givenName',
    label: { nb: 'Fornavn', en: 'Given name' },
    aliases: ['givennames', 'firstname'],
    required: true,
    invalid: {
      nb: 'Fornavn skrives med bokstaver, mellomrom, bindestrek og apostrof (høyst 100 tegn).',
      en: 'A given name has letters, spaces, hyphens and apostrophes (at most 100 characters).',
    },
    example: 'Åse Marie',
  },
  {
    field: 'familyName',
    label: { nb: 'Etternavn', en: 'Family name' },
    aliases: ['lastname', 'surname'],
    required: true,
    invalid: {
      nb: 'Etternavn skrives med bokstaver, mellomrom, bindestrek og apostrof (høyst 100 tegn).',
      en: 'A family name has letters, spaces, hyphens and apostrophes (at most 100 characters).',
    },
    example: 'Ødegård',
  },
  {
    field: 'email',
    label: { nb: 'E-post', en: 'E-mail' },
    aliases: ['epostadresse', 'emailaddress', 'mail'],
    required: true,
    invalid: { nb: 'Ikke en gyldig e-postadresse.', en: 'Not a valid e-mail address.' },
    example: 'ase.odegard@example.com',
  },
  {
    field: 'birthDate',
    label: { nb: 'Fødselsdato', en: 'Birth date' },
    aliases: ['fodselsdato', 'dateofbirth'],
    required: true,
    invalid: {
      nb: 'Skriv fødselsdatoen som ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ: en virkelig dato fra 1900 til i dag.',
      en: 'Write the birth date as YYYY-MM-DD or DD.MM.YYYY: a real date from 1900 until today.',
    },
    example: '2003-04-17',
  },
  {
    field: 'citizenship',
    label: { nb: 'Statsborgerskap', en: 'Citizenship' },
    aliases: ['nasjonalitet', 'nationality'],
    required: true,
    invalid: {
      nb: 'Skriv landet som en landkode på to bokstaver (ISO 3166), f.eks. NO, DE eller FR.',
      en: 'Write the country as a two-letter country code (ISO 3166), e.g. NO, DE or FR.',
    },
    example: 'NO',
  },
  {
    field: 'offerCode',
    label: { nb: 'Tilbudskode', en: 'Offer code' },
    aliases: ['tilbud', 'utdanningstilbud', 'offer'],
    required: true,
    invalid: {
      nb: 'Tilbudskoden har store bokstaver, sifre, punktum og bindestrek (høyst 40 tegn), f.eks. UTV-HEL-27V.',
      en: 'An offer code has capital letters, digits, dots and hyphens (at most 40 characters), e.g. UTV-HEL-27V.',
    },
    example: 'UTV-HEL-27V',
  },
  {
    field: 'term',
    label: { nb: 'Termin', en: 'Term' },
    aliases: ['semester'],
    required: true,
    invalid: {
      nb: 'Skriv terminen som år og V (vår) eller H (høst), f.eks. 2027V.',
      en: 'Write the term as the year and V (spring) or H (autumn), e.g. 2027V.',
    },
    example: '2027V',
  },
  {
    field: 'choices',
    label: { nb: 'Valg i prioritert rekkefølge', en: 'Choices by priority' },
    aliases: ['valg', 'prioritertevalg', 'choices', 'prioritisedchoices'],
    required: false,
    invalid: {
      nb: 'Skriv opptil 10 ulike tilbudskoder, den viktigste først, skilt med |, f.eks. UTV-HEL-27V|BIP-DIGH-27.',
      en: 'Write up to 10 different offer codes, the first choice first, separated by |, e.g. UTV-HEL-27V|BIP-DIGH-27.',
    },
    example: 'UTV-HEL-27V|BIP-DIGH-27',
  },
  {
    field: 'globalStudentId',
    label: { nb: 'Europeisk student-ID (ESI)', en: 'European Student Identifier (ESI)' },
    aliases: ['esi', 'globalstudentid', 'globalid', 'europeanstudentidentifier'],
    required: false,
    invalid: {
      nb: 'En ESI skrives urn:schac:personalUniqueCode:int:esi:<lærested>:<kode>, f.eks. urn:schac:personalUniqueCode:int:esi:uio.no:123456.',
      en: 'An ESI reads urn:schac:personalUniqueCode:int:esi:<institution>:<code>, e.g. urn:schac:personalUniqueCode:int:esi:uio.no:123456.',
    },
    example: 'urn:schac:personalUniqueCode:int:esi:lindenhof.example:4711',
  },
  {
    field: 'homeInstitution',
    label: { nb: 'Hjemlærested', en: 'Home institution' },
    aliases: ['hjeminstitusjon', 'homeinstitution', 'sendinginstitution'],
    required: false,
    invalid: {
      nb: 'Hjemlærestedet skrives med høyst 200 tegn, og første tegn er ikke =, +, - eller @.',
      en: 'A home institution has at most 200 characters, the first of them not =, +, - or @.',
    },
    example: 'Hochschule Lindenhof',
  },
  {
    field: 'language',
    label: { nb: 'Språk', en: 'Language' },
    aliases: ['sprak'],
    required: false,
    invalid: {
      nb: 'Skriv språket som en språkkode på to bokstaver (ISO 639-1), f.eks. en eller nb.',
      en: 'Write the language as a two-letter language code (ISO 639-1), e.g. en or nb.',
    },
    example: 'en',
  },
  {
    field: 'languageLevel',
    label: { nb: 'Språknivå (CEFR)', en: 'Language level (CEFR)' },
    aliases: ['språknivå', 'spraknivaa', 'spraknivå', 'cefr', 'cefrnivå', 'cefrlevel', 'languagelevel'],
    required: false,
    invalid: { nb: 'Skriv nivået etter CEFR: A1, A2, B1, B2, C1 eller C2.', en: 'Write the level by CEFR: A1, A2, B1, B2, C1 or C2.' },
    example: 'B2',
  },
];

/** Headers compare without case, spaces or punctuation: "E-post", "e post" and "EPOST" are one column. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const byHeader = new Map(
  nominationCsvColumns.flatMap((column) => [column.label.nb, column.label.en, ...column.aliases].map((header) => [normaliseHeader(header), column] as const)),
);

/** The column a header names, in Norwegian or English; undefined for an unknown header. */
export function columnOfHeader(header: string): NominationCsvColumn | undefined {
  return byHeader.get(normaliseHeader(header));
}

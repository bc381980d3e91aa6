import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ewpNominationSchema, type EwpNomination } from '../../../src-shared/domain/nomination/ewp-nomination';
import { EWP_SCHEMAS_DIR } from '../../../src-server/case-types/nomination/ewp/ewp-schemas';
import { mapOmobilitiesGetResponse } from '../../../src-server/case-types/nomination/ewp/map-omobilities';
import { MAX_EWP_FILE_BYTES, validateEwpFiles, validateEwpXml } from '../../../src-server/case-types/nomination/ewp/validate-ewp-xml';
import { generateMobilities, omobilitiesGetResponseXml, SCHEMA_BREAKING_STATUS } from '../../stand-ins/ewp-partner-server';

/** EWP files validated against the vendored omob-get.xsd in Node (xmllint-wasm) and mapped to nomination drafts. */
const specExample = readFileSync(resolve(EWP_SCHEMAS_DIR, 'omob-example.xml'), 'utf8');

/** The specification's example, as a draft: the Latin names first, the Cyrillic ones kept beside them. */
const specExampleDraft: EwpNomination = {
  omobilityId: 'c442c289-5541-4cae-9edb-8ad83e133613',
  status: 'live',
  sendingHei: { heiId: 'uio.no', ounitId: '140', iiaId: 'dd87538e-49e3-44ae-844e-55ad1b819ce9' },
  receivingHei: { heiId: 'uw.edu.pl', iiaId: '549117543' },
  student: {
    givenNames: 'Ivan Petrovich',
    familyName: 'Sidorov',
    otherNames: [{ lang: 'ru-Cyrl', givenNames: 'Иван Петрович', familyName: 'Сидоров' }],
    globalId: 'urn:schac:personalUniqueCode:int:esi:uio.no:1234567890',
    birthDate: '1985-05-05',
    citizenship: 'NO',
    email: 'ivan@example.com',
  },
  period: { sendingAcademicTerm: '2009/2010-2/2', receivingAcademicYear: '2009/2010', plannedArrival: '2010-02-01', plannedDeparture: '2010-06-20' },
  activity: { type: 'student-studies', attributes: 'long-term' },
  iscedCode: '1234',
  eqfLevelAtNomination: 7,
  eqfLevelAtDeparture: 8,
  languageSkills: [
    { language: 'no', cefrLevel: 'C2' },
    { language: 'en', cefrLevel: 'B2' },
    { language: 'pl', cefrLevel: 'A1' },
  ],
};

/** Line (1-based) of the first line of `xml` that holds `text`. */
const lineOf = (xml: string, text: string) => xml.split('\n').findIndex((line) => line.includes(text)) + 1;

describe('EWP file validation (omob-get.xsd, no network)', () => {
  it('accepts the specification’s own example, as the xmllint CLI does', async () => {
    expect(await validateEwpXml(specExample)).toEqual({ valid: true });
    expect(await validateEwpXml(new TextEncoder().encode(specExample))).toEqual({ valid: true });
  });

  it('refuses a file that breaks the schema with the line and libxml2’s message', async () => {
    const broken = specExample.replace('<status>live</status>', `<status>${SCHEMA_BREAKING_STATUS}</status>`);
    const result = await validateEwpXml(broken);
    expect(result).toEqual({
      valid: false,
      errors: [
        {
          line: lineOf(broken, '<status>'),
          message: expect.stringMatching(
            /^Schemas validity error : Element 'status': \[facet 'enumeration'\] The value 'accepted' is not an element of the set \{'nomination', 'live', 'recognized', 'cancelled'\}/,
          ),
        },
      ],
    });
  });

  it.each([
    [
      'a missing required element',
      specExample.replace(/<global-id>.*<\/global-id>/, ''),
      /Element 'birth-date': This element is not expected. Expected is one of \( family-name, global-id \)/,
    ],
    [
      'a country code of three letters',
      specExample.replace('<citizenship>NO</citizenship>', '<citizenship>NOR</citizenship>'),
      /citizenship.*'NOR' is not accepted by the pattern/,
    ],
    ['another root element', '<omobilities-index-response xmlns="urn:x"/>', /No matching global declaration available for the validation root/],
    ['a file that is not well-formed', '<omobilities-get-response>', /parser error : Premature end of data/],
    ['text that is not XML', 'omobility_id=1', /parser error : Start tag expected/],
  ])('refuses %s with an error, without throwing', async (_what, xml, message) => {
    const result = await validateEwpXml(xml);
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.errors[0]).toEqual({ line: expect.any(Number), message: expect.stringMatching(message) });
  });

  it('judges several files in one run each on its own', async () => {
    const mobilities = generateMobilities(4);
    const files = [
      omobilitiesGetResponseXml(mobilities.slice(0, 2)),
      omobilitiesGetResponseXml(mobilities.slice(2), { breakStatusOf: mobilities[3]!.omobilityId }),
      '<oops>',
      omobilitiesGetResponseXml([]),
    ];
    const results = await validateEwpFiles(files);
    expect(results.map((result) => result.valid)).toEqual([true, false, false, true]);
    expect(results[1]).toEqual({
      valid: false,
      errors: [{ line: expect.any(Number), message: expect.stringContaining(`The value '${SCHEMA_BREAKING_STATUS}'`) }],
    });
    expect(results[2]).toMatchObject({ valid: false, errors: [{ line: 1, message: expect.stringContaining('parser error') }] });
  });

  it('refuses a file over the size limit unread', async () => {
    const huge = `<omobilities-get-response>${' '.repeat(MAX_EWP_FILE_BYTES)}</omobilities-get-response>`;
    expect(await validateEwpFiles([huge, specExample])).toEqual([
      { valid: false, errors: [{ line: null, message: expect.stringMatching(/^The file has \d+ bytes, more than/) }] },
      { valid: true },
    ]);
  });
});

describe('EWP mobility → nomination draft', () => {
  it('maps the specification’s example field by field', () => {
    expect(mapOmobilitiesGetResponse(specExample)).toEqual({ mobilities: [specExampleDraft], problems: [] });
  });

  it('gives back exactly what the stand-in partner serialised, incl. a non-standard period, other scripts and ISCED codes with a leading zero', async () => {
    const mobilities = generateMobilities(12);
    mobilities[1] = { ...mobilities[1]!, student: { ...mobilities[1]!.student, otherNames: [{ lang: 'uk-Cyrl', givenNames: 'Якуб', familyName: 'Новак' }] } };
    mobilities[2] = { ...mobilities[2]!, period: { receivingAcademicYear: '2026/2027' } };
    const xml = omobilitiesGetResponseXml(mobilities);
    expect(await validateEwpXml(xml)).toEqual({ valid: true });
    const mapped = mapOmobilitiesGetResponse(xml);
    expect(mapped.problems).toEqual([]);
    expect(mapped.mobilities).toEqual(mobilities.map((mobility) => ewpNominationSchema.parse(mobility)));
    expect(mapped.mobilities[0]!.iscedCode).toBe('0613');
  });

  it('reads an empty response as no mobilities', () => {
    expect(mapOmobilitiesGetResponse(omobilitiesGetResponseXml([]))).toEqual({ mobilities: [], problems: [] });
  });

  it('refuses a mobility the schema allows but a draft cannot hold, and maps the others', async () => {
    const [good, odd] = generateMobilities(2);
    // The XSD's e-mail pattern ([^@]+@[^.]+\..+) lets this through; nobody can be invited at it.
    const xml = omobilitiesGetResponseXml([good!, { ...odd!, student: { ...odd!.student, email: 'x@y.z' } }]);
    expect(await validateEwpXml(xml)).toEqual({ valid: true });
    expect(mapOmobilitiesGetResponse(xml)).toEqual({
      mobilities: [good],
      problems: [{ omobilityId: odd!.omobilityId, message: expect.stringMatching(/^student\.email: /) }],
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCsvNominations, type NominationOffer } from '../../../src-server/case-types/nomination/csv-import';
import { importAllOrNothing } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { parseNominationCsv } from '../../../src-shared/domain/nomination/nomination-csv';
import { validateOrgRows } from '../../../src-shared/domain/organisation/org-import-rows';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/**
 * The server's scope check of an uploaded nomination file, against organisation data stored in the
 * server's real database (PGlite, or PostgreSQL with DATABASE_URL): a nominator may nominate only
 * to offers under their own partner's agreements in force.
 */
const today = '2026-12-06';
let server: TestServer;

const offer = (code: string, agreementId: string, choicesAllowed = true, term = '2027V'): NominationOffer => ({
  offer: { code, name: `Tilbud ${code}`, kind: 'exchange', term, agreementId },
  choicesAllowed,
});
const offers = [
  offer('UTV-HEL-27V', 'avt-lindenhof'),
  offer('BIP-DIGH-27', 'avt-lindenhof'),
  offer('UTV-SOS-27V', 'avt-lindenhof', false),
  offer('UTV-HEL-27H', 'avt-lindenhof', true, '2027H'),
  offer('UTV-GML-27V', 'avt-lindenhof-ended'),
  offer('UTV-NY-27V', 'avt-lindenhof-future'),
  offer('UTV-OKO-27V', 'avt-valmont'),
];

beforeAll(async () => {
  server = await startTestServer();
  const organisation = validateOrgRows(
    [
      { id: 'hvl', kind: 'institution', name: 'Høgskulen på Vestlandet' },
      { id: 'partner-lindenhof', kind: 'partner', name: 'Hochschule Lindenhof', parentId: 'hvl', country: 'DE' },
      { id: 'avt-lindenhof', kind: 'agreement', name: 'Avtale med Lindenhof', parentId: 'partner-lindenhof', validFrom: '2024-01-01', validTo: '2028-12-31' },
      { id: 'avt-lindenhof-ended', kind: 'agreement', name: 'Gammel avtale', parentId: 'partner-lindenhof', validTo: '2026-06-30' },
      { id: 'avt-lindenhof-future', kind: 'agreement', name: 'Ny avtale', parentId: 'partner-lindenhof', validFrom: '2027-01-01' },
      { id: 'partner-valmont', kind: 'partner', name: 'Université de Valmont', parentId: 'hvl', country: 'FR' },
      { id: 'avt-valmont', kind: 'agreement', name: 'Avtale med Valmont', parentId: 'partner-valmont' },
    ],
    [],
    new Date().toISOString(),
  );
  if (!organisation.ok) throw new Error(JSON.stringify(organisation.problems));
  const collection = defaultSyncCollections().find((candidate) => candidate.name === 'organisation')!;
  await importAllOrNothing(server.db, collection, organisation.units, { actorId: null, action: 'org-import' });
});
afterAll(async () => {
  await server?.close();
});

/** A nomination file with one row per (offer, term, choices), parsed as the server parses an upload. */
function upload(...rows: [offer: string, term: string, choices: string][]) {
  const file = [
    '\uFEFFFornavn;Etternavn;E-post;Fødselsdato;Statsborgerskap;Tilbudskode;Termin;Valg',
    ...rows.map(([code, term, choices], index) => `Søker;Øvre-${'ABCDEFGHIJ'[index]};s${index}@example.com;2001-05-17;DE;${code};${term};${choices}`),
  ].join('\r\n');
  const parsed = parseNominationCsv(file, { today });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.drafts;
}

const refusedIn = (results: Awaited<ReturnType<typeof checkCsvNominations>>) =>
  results.map((result) => (result.ok ? 'ok' : result.problems.map((problem) => `${problem.field}: ${problem.message.en}`).join(' / ')));

describe('checkCsvNominations', () => {
  it('accepts offers under the partner’s agreements in force, with the choices’ names, best first', async () => {
    const results = await checkCsvNominations(
      server.db,
      upload(['utv-hel-27v', '2027V', 'BIP-DIGH-27|UTV-HEL-27V'], ['BIP-DIGH-27', '2027V', '']),
      { partnerId: 'partner-lindenhof' },
      offers,
      today,
    );
    expect(results).toEqual([
      {
        row: 2,
        ok: true,
        offer: offers[0]!.offer,
        partner: { id: 'partner-lindenhof', name: 'Hochschule Lindenhof' },
        choices: [
          { code: 'BIP-DIGH-27', name: 'Tilbud BIP-DIGH-27' },
          { code: 'UTV-HEL-27V', name: 'Tilbud UTV-HEL-27V' },
        ],
      },
      { row: 3, ok: true, offer: offers[1]!.offer, partner: { id: 'partner-lindenhof', name: 'Hochschule Lindenhof' }, choices: [] },
    ]);
  });

  it('refuses another partner’s offer in the same words as an unknown one, and says why for each row', async () => {
    const drafts = upload(
      ['UTV-OKO-27V', '2027V', ''],
      ['UTV-XYZ-27V', '2027V', ''],
      ['UTV-GML-27V', '2027V', ''],
      ['UTV-NY-27V', '2027V', ''],
      ['UTV-HEL-27H', '2027V', ''],
      ['UTV-SOS-27V', '2027V', 'UTV-SOS-27V|UTV-HEL-27V'],
      ['UTV-HEL-27V', '2027V', 'UTV-HEL-27V|UTV-OKO-27V'],
    );
    expect(refusedIn(await checkCsvNominations(server.db, drafts, { partnerId: 'partner-lindenhof' }, offers, today))).toEqual([
      'offerCode: The offer UTV-OKO-27V is not under any of your agreements.',
      'offerCode: The offer UTV-XYZ-27V is not under any of your agreements.',
      'offerCode: The agreement of the offer UTV-GML-27V ended on 2026-06-30.',
      'offerCode: The agreement of the offer UTV-NY-27V is not valid until 2027-01-01.',
      'offerCode: The offer UTV-HEL-27H is for the term 2027H.',
      'choices: The admission to UTV-SOS-27V has no choice between offers; leave the choices blank.',
      'choices: The offer UTV-OKO-27V is not under any of your agreements.',
    ]);
  });

  it('gives each partner only its own offers', async () => {
    const drafts = upload(['UTV-HEL-27V', '2027V', ''], ['UTV-OKO-27V', '2027V', '']);
    expect(refusedIn(await checkCsvNominations(server.db, drafts, { partnerId: 'partner-valmont' }, offers, today))).toEqual([
      'offerCode: The offer UTV-HEL-27V is not under any of your agreements.',
      'ok',
    ]);
    // An agreement id is not a partner: a scope naming one gets nothing.
    expect(refusedIn(await checkCsvNominations(server.db, drafts, { partnerId: 'avt-valmont' }, offers, today))).toEqual([
      'offerCode: The offer UTV-HEL-27V is not under any of your agreements.',
      'offerCode: The offer UTV-OKO-27V is not under any of your agreements.',
    ]);
  });
});

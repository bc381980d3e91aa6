import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fsInstitutions } from '../../../dev/demo-data/fs-institutions';
import { fetchResults, type FetchResultsOptions } from '../../../src-server/case-types/approval/result-exchange/fetch-results';
import type { SourceAnswer } from '../../../src-server/case-types/approval/result-exchange/source-answer';
import { loadSources } from '../../../src-server/case-types/approval/result-exchange/source-directory';
import { startResultSourcesStandIn, TESTPERSON1, TESTPERSON2, type ResultSourcesStandIn } from '../../stand-ins/result-sources-server';

const FETCH_DATE = '2026-12-06';
let standIn: ResultSourcesStandIn | undefined;

afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

async function start(...args: Parameters<typeof startResultSourcesStandIn>) {
  standIn = await startResultSourcesStandIn(...args);
  return standIn;
}

/** Fetches through the stand-in's directory; records when each answer arrived (ms after the start). */
async function fetchVia(sources: ResultSourcesStandIn, nationalId: string, options: Partial<FetchResultsOptions> = {}) {
  const arrivals: { answer: SourceAnswer; at: number; fetchPending: boolean }[] = [];
  let fetchPending = true;
  const started = performance.now();
  const answers = await fetchResults({
    nationalId,
    sources: await loadSources(sources.url),
    fetchDate: FETCH_DATE,
    onAnswer: (answer) => arrivals.push({ answer, at: performance.now() - started, fetchPending }),
    ...options,
  }).finally(() => (fetchPending = false));
  return { answers, arrivals, elapsed: performance.now() - started, byCode: new Map(answers.map((answer) => [answer.institution.code, answer])) };
}

const outcomes = (answers: SourceAnswer[]) => Object.fromEntries(answers.map((answer) => [answer.institution.code, answer.outcome]));

describe('result exchange against the stand-in sources', () => {
  it('lists about 50 institutions in its directory, with the seed institutions 216 HiSF and 214 HiNT', async () => {
    const sources = await loadSources((await start()).url);
    expect(sources.length).toBeGreaterThanOrEqual(45);
    expect(sources.map((source) => source.code)).toEqual(expect.arrayContaining(['216', '214', '185', '184', '194']));
    expect(sources.find((source) => source.code === '216')?.name).toBe('Høgskulen i Sogn og Fjordane');
  });

  it("imports Testperson1's results from 216 HiSF, with RES-100 linked to its degree; every other institution has none", async () => {
    const { answers, byCode } = await fetchVia(await start(), TESTPERSON1);
    expect(answers).toHaveLength(fsInstitutions.length);
    const hisf = byCode.get('216')!;
    expect(hisf.outcome).toBe('imported');
    expect(hisf.results.map((result) => result.code)).toEqual(['BAINF', 'RES-100', 'INF300']);
    expect(hisf.results.find((result) => result.code === 'RES-100')).toMatchObject({
      institutionCode: '216',
      institutionName: 'Høgskulen i Sogn og Fjordane',
      category: 'course',
      qualificationCode: 'BAINF',
      credits: 10,
      grade: 'B',
      term: '2012 HØST',
    });
    expect(hisf.results.find((result) => result.code === 'INF300')?.thesisTitle).toMatch(/Utveksling/);
    expect(answers.filter((answer) => answer.institution.code !== '216').every((answer) => answer.outcome === 'noResults' && answer.results.length === 0)).toBe(
      true,
    );
  });

  it("imports Testperson2's RES-OAL from 214 HiNT", async () => {
    const { byCode } = await fetchVia(await start(), TESTPERSON2);
    expect(byCode.get('214')).toMatchObject({ outcome: 'imported', institution: { code: '214', name: 'Høgskolen i Nord-Trøndelag' } });
    expect(byCode.get('214')!.results.find((result) => result.code === 'RES-OAL')).toMatchObject({
      category: 'course',
      credits: 15,
      qualificationCode: 'ÅROAL',
    });
    expect(byCode.get('216')!.outcome).toBe('noResults');
  });

  it('gives each configured failure its outcome, with no results, while the others are unaffected', async () => {
    const sources = await start({
      behaviour: {
        '185': { down: 'refused' },
        '184': { down: 'error' },
        '186': { down: 'hang' },
        '194': { reserved: true },
        '192': { sharing: false },
        '217': { malformed: true },
      },
    });
    const results = [{ category: 'course' as const, code: 'X-1', nameNb: 'Emne', nameEn: 'Course', term: '2020 VÅR', credits: 5, grade: 'C' }];
    const undatedDegree = {
      category: 'qualification' as const,
      code: 'BA',
      nameNb: 'Bachelor',
      nameEn: 'Bachelor',
      term: '2026 HØST',
      credits: 180,
      grade: 'Bestått',
    };
    sources.setStudent('201', TESTPERSON1, { consent: true, temporaryNationalId: true, results: [] });
    sources.setStudent('203', TESTPERSON1, { consent: true, temporaryNationalId: false, results: [...results, { ...undatedDegree, certificateDate: null }] });
    sources.setStudent('204', TESTPERSON1, { consent: true, temporaryNationalId: false, results: [{ ...undatedDegree, certificateDate: FETCH_DATE }] });
    sources.setStudent('207', TESTPERSON1, { consent: false, temporaryNationalId: false, results });
    sources.setStudent('217', TESTPERSON1, { consent: true, temporaryNationalId: false, results });

    const { answers, byCode } = await fetchVia(sources, TESTPERSON1, { timeoutMs: 500 });
    expect(outcomes(answers)).toMatchObject({
      '185': 'sourceUnavailable',
      '184': 'sourceUnavailable',
      '186': 'sourceUnavailable',
      '194': 'institutionReserved',
      '192': 'notSharing',
      '201': 'temporaryNationalId',
      '203': 'certificateDateMissing',
      '204': 'certificateDateMissing',
      '207': 'noConsent',
      '217': 'invalidResponse',
      '216': 'imported',
      '214': 'noResults',
    });
    for (const code of ['185', '184', '186', '194', '192', '201', '203', '204', '207', '217']) expect(byCode.get(code)!.results).toEqual([]);
    expect(byCode.get('216')!.results).toHaveLength(3);
    expect(byCode.get('185')!.detail).toBe('ECONNREFUSED');
    expect(byCode.get('184')!.detail).toBe('HTTP 503');
    expect(byCode.get('186')!.detail).toBe('no answer within 500 ms');
    expect(byCode.get('217')!.detail).toMatch(/sharesResults.*credits/);
  });

  it('does not let a hanging source delay the rest beyond its timeout (timeout bound)', async () => {
    const timeoutMs = 1500;
    const behaviour = Object.fromEntries(fsInstitutions.map((institution, index) => [institution.code, { latencyMs: (index % 5) * 20 }]));
    const sources = await start({ behaviour: { ...behaviour, '185': { down: 'hang' } } });
    const { arrivals, elapsed } = await fetchVia(sources, TESTPERSON1, { timeoutMs });

    const hanging = arrivals.find((arrival) => arrival.answer.institution.code === '185')!;
    const others = arrivals.filter((arrival) => arrival !== hanging);
    expect(hanging.answer.outcome).toBe('sourceUnavailable');
    expect(arrivals.at(-1)).toBe(hanging);
    expect(others).toHaveLength(fsInstitutions.length - 1);
    // Every other institution answered before the hanging one's timeout fired.
    expect(Math.max(...others.map((arrival) => arrival.at))).toBeLessThan(timeoutMs);
    expect(hanging.at).toBeGreaterThanOrEqual(timeoutMs - 50);
    expect(elapsed).toBeLessThan(timeoutMs + 1000);
  });

  it('reports answers as they arrive, before the fetch resolves, fastest first', async () => {
    const institutions = fsInstitutions.filter((institution) => ['185', '214', '216'].includes(institution.code));
    const sources = await start({ institutions, behaviour: { '216': { latencyMs: 0 }, '214': { latencyMs: 200 }, '185': { latencyMs: 400 } } });
    const { arrivals } = await fetchVia(sources, TESTPERSON1);
    expect(arrivals.map((arrival) => arrival.answer.institution.code)).toEqual(['216', '214', '185']);
    expect(arrivals.every((arrival) => arrival.fetchPending)).toBe(true);
  });

  it('asks at most `concurrency` sources at a time', async () => {
    const institutions = fsInstitutions.slice(0, 4);
    const behaviour = Object.fromEntries(institutions.map((institution, index) => [institution.code, { latencyMs: (3 - index) * 60 }]));
    const sources = await start({ institutions, behaviour });
    const codes = institutions.map((institution) => institution.code);

    const oneAtATime = await fetchVia(sources, TESTPERSON1, { concurrency: 1 });
    expect(oneAtATime.arrivals.map((arrival) => arrival.answer.institution.code)).toEqual(codes);
    const allAtOnce = await fetchVia(sources, TESTPERSON1, { concurrency: 4 });
    expect(allAtOnce.arrivals.map((arrival) => arrival.answer.institution.code)).toEqual([...codes].reverse());
  });

  it('answers from the data as it is at the time of the fetch (a later fetch sees changed results)', async () => {
    const sources = await start();
    const first = await fetchVia(sources, TESTPERSON2);
    const [degree, course] = first.byCode.get('214')!.results;
    expect(course).toMatchObject({ code: 'RES-OAL', grade: 'C' });

    sources.setResults('214', TESTPERSON2, [
      {
        category: 'qualification',
        code: degree!.code,
        nameNb: degree!.nameNb,
        nameEn: degree!.nameEn,
        term: degree!.term,
        credits: 60,
        grade: 'Bestått',
        certificateDate: '2013-08-15',
      },
      {
        category: 'course',
        code: 'RES-OAL',
        nameNb: course!.nameNb,
        nameEn: course!.nameEn,
        term: '2015 VÅR',
        credits: 15,
        grade: 'A',
        qualificationCode: degree!.code,
      },
    ]);
    const second = await fetchVia(sources, TESTPERSON2);
    expect(second.byCode.get('214')!.results.find((result) => result.code === 'RES-OAL')).toMatchObject({ grade: 'A', term: '2015 VÅR' });
  });

  it('stops waiting when the whole fetch is cancelled', async () => {
    const sources = await start({ institutions: fsInstitutions.slice(0, 2), behaviour: { [fsInstitutions[0]!.code]: { down: 'hang' } } });
    const { answers, elapsed } = await fetchVia(sources, TESTPERSON1, { timeoutMs: 10_000, signal: AbortSignal.timeout(200) });
    expect(answers.map((answer) => [answer.outcome, answer.detail])).toEqual([
      ['sourceUnavailable', 'fetch cancelled'],
      ['noResults', expect.any(String)],
    ]);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('refuses a directory that does not answer a list of sources', async () => {
    const sources = await start();
    await expect(loadSources(`${sources.url}/institutions/216`)).rejects.toMatchObject({ kind: 'external', message: expect.stringMatching(/HTTP 404/) });
  });

  it.each([
    ['not JSON', 'sources: 216, 214', /not JSON/],
    [
      'twice the same institution',
      JSON.stringify({ sources: [216, 216].map((code) => ({ code: String(code), name: 'HiSF', baseUrl: 'http://127.0.0.1:1/x' })) }),
      /unique/,
    ],
    ['a base URL that is not http(s)', JSON.stringify({ sources: [{ code: '216', name: 'HiSF', baseUrl: 'file:///etc/passwd' }] }), /baseUrl/],
  ])('refuses a directory answering %s', async (_, body, message) => {
    const directory = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(body));
    await new Promise<void>((resolve) => directory.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(directory.address() as AddressInfo).port}`;
      await expect(loadSources(url)).rejects.toMatchObject({ kind: 'external', message: expect.stringMatching(message) });
    } finally {
      directory.closeAllConnections();
      await new Promise((resolve) => directory.close(resolve));
    }
  });
});

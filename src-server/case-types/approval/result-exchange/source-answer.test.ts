import { describe, expect, it } from 'vitest';
import type { SourceResult, StudentResults } from './result-source.contract';
import { answerOf, type SourceReply } from './source-answer';

const HISF = { code: '216', name: 'Høgskulen i Sogn og Fjordane' };
const FETCH_DATE = '2026-12-06';

const degree: SourceResult = {
  category: 'qualification',
  code: 'BAINF',
  nameNb: 'Bachelor i informatikk',
  nameEn: 'Bachelor of Informatics',
  term: '2014 VÅR',
  credits: 180,
  grade: 'Bestått',
  certificateDate: '2014-06-20',
};
const course: SourceResult = {
  category: 'course',
  code: 'RES-100',
  nameNb: 'Resultatutveksling, innføring',
  nameEn: 'Result exchange, introduction',
  thesisTitle: 'Om utveksling',
  term: '2012 HØST',
  credits: 10,
  grade: 'B',
  qualificationCode: 'BAINF',
};

const student = (fields: Partial<NonNullable<StudentResults['student']>> = {}) => ({
  consent: true,
  temporaryNationalId: false,
  results: [degree, course],
  ...fields,
});
const body = (fields: Partial<StudentResults> = {}): StudentResults => ({ sharesResults: true, reserved: false, student: student(), ...fields });
const ok = (value: unknown): SourceReply => ({ kind: 'answered', status: 200, body: JSON.stringify(value) });

describe('answerOf', () => {
  it('imports every result of a sharing, consenting source, with the institution and the course → qualification link', () => {
    const answer = answerOf(HISF, ok(body()), FETCH_DATE);
    expect(answer.outcome).toBe('imported');
    expect(answer.institution).toEqual(HISF);
    expect(answer.results).toEqual([
      {
        institutionCode: '216',
        institutionName: HISF.name,
        category: 'qualification',
        code: 'BAINF',
        nameNb: 'Bachelor i informatikk',
        nameEn: 'Bachelor of Informatics',
        term: '2014 VÅR',
        credits: 180,
        grade: 'Bestått',
      },
      {
        institutionCode: '216',
        institutionName: HISF.name,
        category: 'course',
        code: 'RES-100',
        nameNb: 'Resultatutveksling, innføring',
        nameEn: 'Result exchange, introduction',
        thesisTitle: 'Om utveksling',
        term: '2012 HØST',
        credits: 10,
        grade: 'B',
        qualificationCode: 'BAINF',
      },
    ]);
  });

  it.each([
    ['institutionReserved', body({ reserved: true, sharesResults: true })],
    ['institutionReserved', body({ reserved: true, sharesResults: false, student: null })],
    ['notSharing', body({ sharesResults: false, student: null })],
    ['noResults', body({ student: null })],
    ['noResults', body({ student: student({ results: [] }) })],
    ['temporaryNationalId', body({ student: student({ temporaryNationalId: true, results: [] }) })],
    ['noConsent', body({ student: student({ consent: false }) })],
    ['certificateDateMissing', body({ student: student({ results: [{ ...degree, certificateDate: null }, course] }) })],
    ['certificateDateMissing', body({ student: student({ results: [{ ...degree, certificateDate: FETCH_DATE }] }) })],
    ['certificateDateMissing', body({ student: student({ results: [{ ...degree, certificateDate: '2027-01-01' }] }) })],
  ] as const)('%s, with no results', (outcome, value) => {
    const answer = answerOf(HISF, ok(value), FETCH_DATE);
    expect(answer.outcome).toBe(outcome);
    expect(answer.results).toEqual([]);
  });

  it('imports a degree whose certificate is dated the day before the fetch', () => {
    const answer = answerOf(HISF, ok(body({ student: student({ results: [{ ...degree, certificateDate: '2026-12-05' }] }) })), FETCH_DATE);
    expect(answer.outcome).toBe('imported');
  });

  it('names the undated degrees in the detail', () => {
    const answer = answerOf(HISF, ok(body({ student: student({ results: [{ ...degree, certificateDate: null }] }) })), FETCH_DATE);
    expect(answer.detail).toContain('BAINF');
  });

  it.each([
    [{ kind: 'unreachable', reason: 'ECONNREFUSED' }, 'ECONNREFUSED'],
    [{ kind: 'answered', status: 503, body: '' }, 'HTTP 503'],
    [{ kind: 'answered', status: 500, body: JSON.stringify(body()) }, 'HTTP 500'],
  ] as const)('a source that is down is sourceUnavailable (%o)', (reply, detail) => {
    expect(answerOf(HISF, reply, FETCH_DATE)).toEqual({ institution: HISF, outcome: 'sourceUnavailable', results: [], detail });
  });

  it.each([
    ['another status', { kind: 'answered', status: 404, body: '{}' }, 'HTTP 404'],
    ['a body that is not JSON', { kind: 'answered', status: 200, body: '<html>' }, 'not JSON'],
    ['a missing question', ok({ sharesResults: true, student: null }), 'reserved'],
    ['credits as text', ok(body({ student: student({ results: [degree, { ...course, credits: '7,5' as unknown as number }] }) })), 'credits'],
    ['an unknown category', ok(body({ student: student({ results: [{ ...course, category: 'exam' as 'course' }] }) })), 'category'],
  ] as const)('%s is invalidResponse, with no results (never part of an answer)', (_, reply, detail) => {
    const answer = answerOf(HISF, reply, FETCH_DATE);
    expect(answer.outcome).toBe('invalidResponse');
    expect(answer.results).toEqual([]);
    expect(answer.detail).toContain(detail);
  });
});

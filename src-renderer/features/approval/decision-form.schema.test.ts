import { describe, expect, it } from 'vitest';
import { approvalWorkflow } from '../../../src-shared/domain/approval';
import { approvalEvents, approvalStart, happyPaths, walk } from '../../../dev/testing';
import { caseGrounds, coursesToDecide, decisionFormSchema, DEFAULT_LEGAL_BASIS, type DecisionFormInput } from './decision-form.schema';

// Accepted: RES-100 (216) from the fetch, RES-OAL (214) from the next day's retry; 10 credits each.
const accepted = walk(approvalWorkflow, approvalStart(false), [
  ...happyPaths.approval.slice(0, 6),
  ['system', approvalEvents.recordSourceAnswers],
  ['system', approvalEvents.completeFetch],
  ['caseOfficer', approvalEvents.acceptFetchedResults],
]).at(-1)!.details.externalResults;

const row = (code: string, verdict: 'approved' | 'partlyApproved' | 'rejected', credits: number) => {
  const course = accepted.find((result) => result.code === code)!;
  return { institutionCode: course.institutionCode, code, term: course.term, verdict, credits, grounds: `Vurdering av ${code}.` };
};
const valid: DecisionFormInput = {
  courses: [row('RES-100', 'approved', 10), row('RES-OAL', 'partlyApproved', 5)],
  legalBasis: ` ${DEFAULT_LEGAL_BASIS} \n\n Forskrift om opptak § 2 \n`,
  grounds: 'Emnene dekker det meste av programmets innhold.',
};
const schema = decisionFormSchema(accepted);

describe('the approval decision form schema', () => {
  it('takes a verdict per accepted course and one legal basis per non-empty line, trimmed', () => {
    expect(coursesToDecide(accepted).map((course) => course.code)).toEqual(['RES-100', 'RES-OAL']);
    const parsed = schema.parse(valid);
    expect(parsed.legalBasis).toEqual([DEFAULT_LEGAL_BASIS, 'Forskrift om opptak § 2']);
    expect(parsed.courses.map((course) => [course.code, course.verdict, course.credits])).toEqual([
      ['RES-100', 'approved', 10],
      ['RES-OAL', 'partlyApproved', 5],
    ]);
    expect(caseGrounds(parsed.legalBasis, parsed.grounds)).toBe(`Hjemmel: ${DEFAULT_LEGAL_BASIS}; Forskrift om opptak § 2\n\n${valid.grounds}`);
  });

  it.each([
    ['approved with fewer credits than the course', 0, row('RES-100', 'approved', 9)],
    ['partly approved with all the credits', 1, row('RES-OAL', 'partlyApproved', 10)],
    ['partly approved with none', 1, row('RES-OAL', 'partlyApproved', 0)],
    ['rejected with credits', 1, row('RES-OAL', 'rejected', 2)],
  ])('puts the shared rule’s refusal of %s at that course’s credits', (_label, index, changed) => {
    const courses = valid.courses.map((course, i) => (i === index ? changed : course));
    const result = schema.safeParse({ ...valid, courses });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['courses', index, 'credits']]);
    expect(result.error?.issues[0]?.message).toMatch(/do not fit/);
  });

  it.each([
    ['a course that was not accepted', { courses: [{ ...row('RES-100', 'approved', 10), code: 'RES-999' }] }, ['courses', 0, 'credits']],
    ['no credits written (an empty number field)', { courses: [row('RES-100', 'approved', Number.NaN)] }, ['courses', 0, 'credits']],
    ['no grounds for a course', { courses: [{ ...row('RES-100', 'approved', 10), grounds: '' }] }, ['courses', 0, 'grounds']],
    ['no legal basis', { legalBasis: ' \n ' }, ['legalBasis']],
    ['no grounds for the case', { grounds: '' }, ['grounds']],
    ['no courses at all', { courses: [] }, ['courses']],
  ])('refuses %s', (_label, change, path) => {
    const result = schema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
  });
});

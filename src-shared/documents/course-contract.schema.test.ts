import { describe, expect, it } from 'vitest';
import { courseContractInputSchema, MAX_CONTRACT_FEE_TEXT, type CourseContractInput } from './course-contract.schema';
import { CONTRACT_SIGNING_DAYS, courseContractInput } from './course-contract-input';

const contract: CourseContractInput = courseContractInput(
  {
    caseNumber: '2026/00107',
    details: {
      course: {
        code: 'EVU-VEI-H26',
        name: 'Veiledning av studenter i praksis',
        credits: 10,
        sessions: 6,
        startDate: '2026-10-05',
        endDate: '2026-11-27',
        priceNok: 14_900,
      },
      teachingResource: { userId: 'staff-solveig', name: 'Solveig Kræmer' },
    },
  },
  {
    institution: {
      name: 'Høgskolen for helse og omsorg',
      department: 'Senter for etter- og videreutdanning',
      postalAddress: [],
      email: 'postmottak@hho.example.no',
    },
    departmentHead: { name: 'Per Hansen', title: 'Avdelingsleder' },
    teachingResourceEmail: 'solveig@example.no',
  },
  '2026-08-18T08:00:00.000Z',
);

/** The paths of the issues a refused input gets, each once. */
const refusal = (input: unknown) => {
  const result = courseContractInputSchema.safeParse(input);
  return result.success ? [] : [...new Set(result.error.issues.map((issue) => issue.path.join('.')))];
};

describe('the course contract input', () => {
  it('is built from the course case, dated the day it is sent, to be signed within the workflow’s deadline', () => {
    expect(courseContractInputSchema.parse(contract)).toEqual(contract);
    expect(contract).toMatchObject({ date: '2026-08-18', signBy: '2026-09-01', teachingResource: { name: 'Solveig Kræmer', email: 'solveig@example.no' } });
    expect(CONTRACT_SIGNING_DAYS).toBe(14);
    expect(contract.fee).toContain('6 samlinger');
  });

  it('refuses a course that ends before it starts, a signing day before the contract, and an empty or overlong fee', () => {
    expect(refusal({ ...contract, course: { ...contract.course, endDate: '2026-10-01' } })).toEqual(['course.endDate']);
    expect(refusal({ ...contract, signBy: '2026-08-17' })).toEqual(['signBy']);
    expect(refusal({ ...contract, fee: '   ' })).toEqual(['fee']);
    expect(refusal({ ...contract, fee: 'x'.repeat(MAX_CONTRACT_FEE_TEXT + 1) })).toEqual(['fee']);
  });

  it('refuses missing parties, a session count of zero, a negative price and a malformed drawn signature', () => {
    expect(refusal({ ...contract, teachingResource: { name: '', email: '' } })).toEqual(['teachingResource.name']);
    expect(refusal({ ...contract, departmentHead: undefined })).toEqual(['departmentHead']);
    expect(refusal({ ...contract, course: { ...contract.course, sessions: 0, priceNok: -1 } })).toEqual(['course.sessions', 'course.priceNok']);
    expect(refusal({ ...contract, caseNumber: '' })).toEqual(['caseNumber']);
    expect(refusal({ ...contract, teachingResourceSignature: { pngBase64: 'not base64!', signedAt: '2026-08-20T12:00:00.000Z' } })).toEqual([
      'teachingResourceSignature.pngBase64',
    ]);
  });
});

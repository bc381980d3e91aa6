import { describe, expect, it } from 'vitest';
import { courseDeliveryStart, REGISTRATION } from '../../../../dev/testing/fixtures';
import { certificateBatchInputSchema } from '../../../../src-shared/documents/course-certificate-batch.schema';
import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import type { Participant } from '../../../../src-shared/domain/course-delivery/participants';
import { certificateBatchOf, certificateParticipants } from './certificate-batch-input';

const participant = (id: string, email: string, status: Participant['status'] = 'admitted'): Participant => ({
  ...REGISTRATION,
  id,
  email,
  registeredAt: '2026-09-01T10:00:00.000Z',
  status,
});

function graded(): CourseDeliveryCase {
  const c = courseDeliveryStart();
  return {
    ...c,
    status: 'graded',
    details: {
      ...c.details,
      certificateText: { writtenAt: '2026-12-19T09:00:00.000Z', text: 'Kurset gir kompetanse i å veilede studenter i praksis.' },
      participants: [
        participant('p-passed', 'bestatt@example.no'),
        participant('p-failed', 'ikke@example.no'),
        participant('p-missing', 'mangler@example.no'),
        participant('p-withdrawn', 'trukket@example.no', 'withdrawn'),
      ],
      results: {
        source: 'teacher',
        recordedAt: '2026-12-18T10:00:00.000Z',
        recordedBy: c.details.teachingResource.userId,
        entries: [
          { email: 'BESTATT@example.no', name: REGISTRATION.name, result: 'passed' },
          { email: 'ikke@example.no', name: REGISTRATION.name, result: 'failed' },
          { email: 'trukket@example.no', name: REGISTRATION.name, result: 'passed' },
        ],
      },
    },
  };
}

const parts = {
  institution: { name: 'Høgskolen i Fjordheim', department: 'Avdeling for helsefag', postalAddress: [], email: 'postmottak@hifj.example.no' },
  departmentHead: { name: 'Per Hansen', title: 'Avdelingsleder' },
};

describe('the certificate batch of a graded course', () => {
  it('names only the admitted participants who passed, as they registered', () => {
    expect(certificateParticipants(graded())).toEqual([
      { id: 'p-passed', name: REGISTRATION.name, birthDate: REGISTRATION.birthDate, email: 'bestatt@example.no' },
    ]);
  });

  it('is what the main process’s batch takes: the course, its text, the issuer and the course case', () => {
    const c = graded();
    const batch = certificateBatchInputSchema.parse(certificateBatchOf(c, parts, 'Maren Sæther', '2026-12-21'));
    expect(batch).toMatchObject({
      date: '2026-12-21',
      course: { code: 'EVU-VEI-H26', credits: 10, startDate: '2026-10-05', endDate: '2026-11-27' },
      certificateText: 'Kurset gir kompetanse i å veilede studenter i praksis.',
      issuedBy: parts.departmentHead,
      courseCase: {
        id: c.id,
        caseNumber: c.caseNumber,
        institution: 'Høgskolen i Fjordheim',
        department: 'Avdeling for helsefag',
        responsible: 'Maren Sæther',
      },
    });
    expect(batch.participants.map((p) => p.id)).toEqual(['p-passed']);
  });

  it('leaves out credits a course without credits does not have (the batch then asks for its hours)', () => {
    const c = graded();
    const noCredits = { ...c, details: { ...c.details, course: { ...c.details.course, credits: 0 } } };
    expect(certificateBatchOf(noCredits, parts, 'Maren Sæther', '2026-12-21').course).not.toHaveProperty('credits');
    expect(certificateBatchInputSchema.safeParse(certificateBatchOf(noCredits, parts, 'Maren Sæther', '2026-12-21')).success).toBe(false);
  });
});

import type { Institution, Staff } from '../../src-shared/documents/letter-parts.schema';
import type { Actor } from '../../src-shared/domain/access/roles';
import type { CourseDeliveryCase } from '../../src-shared/domain/course-delivery/course-delivery.workflow';
import type { CertificateParticipant } from '../case-types/course-delivery/certificate-batch';

/**
 * A made-up further-education course (every person and number is fictitious) used by
 * `npm run admin -- course demo`, the certificate tests and the course benchmark.
 */
export interface DemoCourse {
  start: CourseDeliveryCase;
  institution: Institution;
  departmentHead: Staff & { id: string };
  teachingResource: Staff & { id: string; email: string };
  consultant: Staff & { id: string };
  certificateText: string;
  /** Hours of teaching, stated on the certificate besides the credits. */
  hours: number;
}

const SCOPE = { institution: 'hho', department: 'evu' } as const;

export function demoCourse(): DemoCourse {
  const departmentHead = { id: 'staff-per', name: 'Per Hansen', title: 'Avdelingsleder' };
  const teachingResource = {
    id: 'staff-solveig',
    name: 'Solveig Kræmer',
    title: 'Undervisningsressurs',
    email: 'solveig.kraemer@undervisning.example.no',
  };
  const consultant = { id: 'staff-maren', name: 'Maren Sæther', title: 'Konsulent driftsadministrasjon' };
  const openedAt = '2026-08-17T08:00:00.000Z';
  return {
    institution: {
      name: 'Høgskolen for helse og omsorg',
      department: 'Senter for etter- og videreutdanning',
      postalAddress: ['Postboks 123 Sentrum', '0101 Oslo'],
      email: 'postmottak@hho.example.no',
    },
    departmentHead,
    teachingResource,
    consultant,
    hours: 60,
    certificateText:
      'Kurset gir kompetanse i å veilede sykepleierstudenter i praksis: å planlegge og følge opp læringsmål, ' +
      'gi underveisvurdering og skriftlig tilbakemelding, og vurdere studentens måloppnåelse ved slutten av praksisperioden. ' +
      'Deltakeren har levert og fått godkjent en skriftlig oppgave om egen veiledningspraksis.',
    start: {
      id: 'demo-course-0007',
      type: 'courseDelivery',
      caseNumber: '2026/00107',
      title: 'EVU-VEI-H26 Veiledning av studenter i praksis',
      status: 'planned',
      institution: SCOPE.institution,
      department: SCOPE.department,
      cohort: '',
      subjectPersonId: '',
      assignees: [departmentHead.id, teachingResource.id],
      deadlines: [],
      nextDeadline: '9999-12-31',
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
        teachingResource: { userId: teachingResource.id, name: teachingResource.name },
      },
      createdAt: openedAt,
      createdBy: departmentHead.id,
      updatedAt: openedAt,
      updatedBy: departmentHead.id,
    },
  };
}

/** The people who take the demo course's steps, each in their role. */
export function demoCourseActors(course: DemoCourse): { head: Actor; teacher: Actor; consultant: Actor } {
  const scope = { institution: SCOPE.institution, departments: [SCOPE.department], cohorts: [], partners: [] };
  const actor = (person: { id: string; name: string }, role: Actor['roles'][number]): Actor => ({ userId: person.id, name: person.name, roles: [role], scope });
  return {
    head: actor(course.departmentHead, 'departmentHead'),
    teacher: actor(course.teachingResource, 'teacher'),
    consultant: actor(course.consultant, 'operationsConsultant'),
  };
}

const GIVEN = ['Åse', 'Bjørn', 'Kjærsti', 'Ørjan', 'Mari', 'Håkon', 'Sæbjørg', 'Ola', 'Ingrid', 'Tore', 'Siri', 'Æsa'];
const FAMILY = ['Ødegård', 'Bækkelund', 'Åsheim', 'Haugen', 'Strøm', 'Lie', 'Dahl', 'Sætre', 'Nilsen', 'Berg', 'Kvåle'];

/**
 * `count` made-up participants with Norwegian letters in their names. National IDs are synthetic
 * (Skatteetaten's test series: month + 80), never a real person's; e-mail addresses are .example.
 */
export function demoParticipants(count: number): CertificateParticipant[] {
  return Array.from({ length: count }, (_, index) => {
    const given = GIVEN[index % GIVEN.length] ?? 'Åse';
    const family = FAMILY[Math.floor(index / GIVEN.length) % FAMILY.length] ?? 'Ødegård';
    const year = 1965 + (index % 35);
    const month = 1 + (index % 12);
    const day = 1 + (index % 28);
    const pad = (value: number, length = 2) => String(value).padStart(length, '0');
    const number = pad(index + 1, 4);
    return {
      id: `participant-${number}`,
      name: `${given} ${family}`,
      birthDate: `${year}-${pad(month)}-${pad(day)}`,
      email: `deltaker${number}@epost.example.no`,
      nationalId: `${pad(day)}${pad(month + 80)}${pad(year % 100)}${pad(index % 100_000, 5)}`,
    };
  });
}

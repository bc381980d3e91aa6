import type { Case } from '../../../src-shared/domain/case/case.schema';
import { placementDetailsSchema, type PlacementDetails } from '../../../src-shared/domain/placement/placement.schema';
import type { Recipient } from '../../../src-shared/domain/workflow/command.schema';
import { notice, type NoticeTemplate, type NoticeText } from '../../notifications/notices/notice';

/** Notices of practice placement: between the placement administrator and the site, and to each student placed. */
export const placementNotices: Record<string, NoticeTemplate> = {
  'placement.order': (c) => notice(c, 'Bestilling av praksisplasser', 'Vi bestiller praksisplasser. Svar på bestillingen innen fristen som står i saken.'),
  'placement.capacityConfirmed': (c) => notice(c, 'Praksisplasser bekreftet', 'Praksisstedet har bekreftet antall praksisplasser.'),
  'placement.declined': (c) => notice(c, 'Ingen kapasitet på praksisstedet', 'Praksisstedet har ikke kapasitet til bestillingen.'),
  'placement.distribution': (c) => notice(c, 'Fordeling av studenter', 'Studentene er fordelt på klasser og veiledere. Fordelingen ligger i saken.'),
  'placement.cancelled': (c) => notice(c, 'Bestillingen er kansellert', 'Bestillingen av praksisplasser er kansellert.'),
  'placement.studentPlaced': studentPlaced,
};

/** To one student: where, when, with which supervisor, and who their teacher is, with addresses. */
function studentPlaced(c: Case, to: Recipient): NoticeText {
  const details: PlacementDetails = placementDetailsSchema.parse(c.details);
  const student = to.kind === 'person' ? details.distribution?.students.find((s) => s.personId === to.personId) : undefined;
  const { activity, site } = details;
  const where = `Du har fått praksisplass i ${activity.courseCode} ${activity.courseName} ved ${site.name}${site.unit ? `, ${site.unit}` : ''}, fra ${activity.from} til ${activity.to}.`;
  if (!student) return notice(c, 'Praksisplass', where);
  const staff = details.staffing?.find((s) => s.className === student.className);
  const supervisor = staff?.supervisors.find((v) => v.userId === student.supervisorId);
  const teacher = activity.teachers?.find((t) => t.className === student.className);
  const reach = (person: { name: string; email?: string } | undefined) => (person ? `${person.name}${person.email ? ` (${person.email})` : ''}` : 'ikke satt');
  return notice(
    c,
    'Din praksisplass',
    where,
    `Klasse: ${student.className}\nVeileder: ${reach(supervisor)}\nKoordinator på praksisstedet: ${reach(staff?.coordinator)}\nUnderviser: ${reach(teacher)}`,
  );
}

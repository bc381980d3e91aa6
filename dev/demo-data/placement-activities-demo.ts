import type { Case } from '../../src-shared/domain/case/case.schema';
import { addDays } from '../../src-shared/domain/calendar/iso-date';
import { defaultDistributionRules, type ActivityStudent, type PlacementActivity } from '../../src-shared/domain/placement/activity.schema';
import type { PlacementDetails } from '../../src-shared/domain/placement/placement.schema';
import type { Person } from '../../src-shared/domain/person/person.schema';
import { demoUser } from './demo-users';
import { INSTITUTION, placementSites } from './organisation';

const PLACEMENT_ADMIN = 'u-praksisadmin';
const municipalities = ['Fjordheim', 'Nordli', 'Strandvik'];

/**
 * Two placement activities for the demo: the one of the latest placement period the demo's orders
 * have (those orders are tagged with its id, and its students are the ones distributed to them, or
 * students of the register when none are yet), and a new one in planning for the term after, with
 * students but no orders yet. Deterministic: derived from the generated cases and people only.
 */
export function demoActivities(cases: readonly Case[], people: readonly Person[], at: string): PlacementActivity[] {
  const orders = cases.filter((c) => c.type === 'placement');
  const latest = [...orders].sort((a, b) => periodOf(b).localeCompare(periodOf(a)) || a.id.localeCompare(b.id))[0];
  if (!latest) return [];
  const { activity: course } = latest.details as PlacementDetails;
  const group = orders.filter((c) => periodOf(c) === periodOf(latest));
  const students = people.filter((p) => p.institution === INSTITUTION.id && p.email.includes('@stud.'));
  const current = activityFor(latest.department, `activity-${course.courseCode}-${course.from}`, course, group, students, at);
  for (const order of group) (order.details as PlacementDetails).activity.id = current.id;

  const from = addDays(course.to, 28);
  const planning = activityFor(
    latest.department,
    `activity-${course.courseCode}-${from}`,
    { ...course, from, to: addDays(from, 39), classes: ['A', 'B'] },
    [],
    students.slice(-6),
    at,
  );
  return [current, planning];
}

const periodOf = (c: Case) => {
  const { activity } = c.details as PlacementDetails;
  return `${activity.from}|${activity.courseCode}|${activity.to}`;
};

function activityFor(
  department: string,
  id: string,
  course: PlacementDetails['activity'],
  orders: readonly Case[],
  register: readonly Person[],
  at: string,
): PlacementActivity {
  const classes = [...new Set([...course.classes, ...orders.flatMap((c) => (c.details as PlacementDetails).activity.classes)])].sort();
  const requirements = [...new Set([...course.requirements, ...orders.flatMap((c) => (c.details as PlacementDetails).activity.requirements)])];
  const sites = placementSites.filter((site) => site.department === department).map((site) => site.id);
  const distributed = orders.flatMap((c) => (c.details as PlacementDetails).distribution?.students ?? []);
  const wanted = Math.max(
    4,
    orders.reduce((sum, c) => sum + (c.details as PlacementDetails).order.requestedPlaces, 0),
  );
  const fromRegister = register.slice(0, Math.max(0, wanted - distributed.length)).map((person, i) => ({
    personId: person.id,
    name: `${person.givenName} ${person.familyName}`,
    email: person.email,
    className: classes[i % classes.length]!,
  }));
  const students: ActivityStudent[] = [...distributed, ...fromRegister].map((student, i) => ({
    personId: student.personId,
    name: student.name,
    ...(student.email ? { email: student.email } : {}),
    className: student.className,
    requirementsMet: i % 5 === 4 ? [] : requirements,
    wishes: sites.length ? [sites[i % sites.length]!, sites[(i + 1) % sites.length]!].filter((site, k, all) => all.indexOf(site) === k) : [],
    homeMunicipality: municipalities[i % municipalities.length]!,
    earlierSites: [],
  }));
  return {
    id,
    institution: INSTITUTION.id,
    department,
    courseCode: course.courseCode,
    courseName: course.courseName,
    from: course.from,
    to: course.to,
    classes: classes.map((name, i) => ({ name, ...teacher(department, i) })),
    requirements,
    rules: defaultDistributionRules,
    students,
    createdBy: PLACEMENT_ADMIN,
    updatedAt: at,
  };
}

/** The department's demo teachers, taking the classes in turn. */
function teacher(department: string, i: number): { teacher?: { userId: string; name: string; email: string } } {
  const user = demoUser(`u-laerer-${department}-${(i % 2) + 1}`);
  return user ? { teacher: { userId: user.userId, name: user.name, email: user.email } } : {};
}

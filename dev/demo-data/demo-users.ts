import { isStaff } from '../../src-shared/domain/access/access';
import type { Actor } from '../../src-shared/domain/access/roles';
import { staffMember, type StaffMember } from '../../src-shared/domain/staff/staff.schema';
import { emailLocalPart } from './names';
import { departments, INSTITUTION, partners, placementSites } from './organisation';

export type DemoUser = Actor & { email: string };

/** Ids of the demo accounts the generated cases involve by name. */
export const DEMO_STUDENT_ID = 'person-demo-student';
export const DEMO_APPLICANT_ID = 'person-demo-applicant';

const allDepartments = departments.map((d) => d.id);

const coordinatorNames: Record<string, string> = {
  helse: 'Ragnhild Sæther',
  okonomi: 'Håkon Birkeland',
  laerer: 'Synnøve Kvåle',
  teknologi: 'Pål Fjørtoft',
};
const headNames: Record<string, string> = {
  helse: 'Kjersti Haugland',
  okonomi: 'Trygve Næss',
  laerer: 'Gøril Brække',
  teknologi: 'Ståle Rønning',
};
const teacherNames: Record<string, readonly [string, string]> = {
  helse: ['Frøydis Dæhli', 'Sindre Østby'],
  okonomi: ['Jørgen Aas', 'Tiril Bråten'],
  laerer: ['Åsmund Høiland', 'Live Sæbø'],
  teknologi: ['Ørjan Tønnessen', 'Dagny Vågen'],
};
const partnerContacts: Record<string, string> = {
  'partner-lindenhof': 'Jürgen Köhler',
  'partner-valmont': 'Gaël Bérénger',
  'partner-aurora': 'Siiri Kärkkäinen',
  'partner-alborada': 'Álvaro Muñoz',
  'partner-fjordheim-kommune': 'Torbjørn Bøe',
};
const siteContacts: Record<string, readonly [string, string]> = {
  'site-sentrum-sykehjem': ['Bjørg Sivertsen', 'Kåre Holm'],
  'site-fjordheim-sjukehus': ['Vårin Løken', 'Halvard Røed'],
  'site-nordlys-bofellesskap': ['Åshild Hauge', 'Even Moe'],
  'site-solbakken-barnehage': ['Gro Nygård', 'Mads Sandvik'],
  'site-bryggen-skole': ['Eli Ås', 'Vegard Dahl'],
};

function user(id: string, name: string, roles: Actor['roles'], scope: Partial<Actor['scope']>, domain: string = INSTITUTION.domain): DemoUser {
  const [givenName = name, ...rest] = name.split(' ');
  return {
    userId: id,
    name,
    roles,
    scope: { institution: INSTITUTION.id, departments: [], cohorts: [], partners: [], ...scope },
    email: `${emailLocalPart({ givenName, familyName: rest.join(' ') })}@${domain}`,
  };
}

/**
 * Demo accounts for every role, scoped to the fictional institution: per department a head, a
 * cohort coordinator and two teachers; institution-wide a rector, an operations consultant, a case
 * officer and a placement administrator; per partner a nominator; per placement site a
 * coordinator and a supervisor; and one student and one applicant whose cases the demo data holds.
 */
export function demoUsers(): DemoUser[] {
  const users: DemoUser[] = [user('u-rektor', 'Torunn Bakke-Ødegård', ['rector'], { departments: allDepartments })];
  for (const department of departments) {
    const cohorts = department.cohorts.map((c) => c.id);
    const scope = { departments: [department.id], cohorts };
    users.push(user(`u-avdleder-${department.id}`, headNames[department.id]!, ['departmentHead'], scope));
    users.push(user(`u-kullkoord-${department.id}`, coordinatorNames[department.id]!, ['cohortCoordinator'], scope));
    teacherNames[department.id]!.forEach((name, i) => users.push(user(`u-laerer-${department.id}-${i + 1}`, name, ['teacher'], scope)));
  }
  users.push(
    user('u-driftskonsulent', 'Sigurd Eide', ['operationsConsultant'], { departments: allDepartments }),
    user('u-studiekonsulent', 'Hedda Solheim', ['caseOfficer'], { departments: allDepartments }),
    user('u-praksisadmin', 'Øyvind Lunde', ['placementAdmin'], { departments: allDepartments }),
  );
  for (const partner of partners) {
    users.push(
      user(`u-nominator-${partner.id.replace('partner-', '')}`, partnerContacts[partner.id]!, ['nominator'], { partners: [partner.id] }, 'partner.example'),
    );
  }
  for (const site of placementSites) {
    const [coordinator, supervisor] = siteContacts[site.id]!;
    const short = site.id.replace('site-', '');
    users.push(user(`u-praksiskoord-${short}`, coordinator, ['siteCoordinator'], { partners: [site.id] }, 'praksis.example'));
    users.push(user(`u-praksisveileder-${short}`, supervisor, ['siteSupervisor'], { partners: [site.id] }, 'praksis.example'));
  }
  users.push(
    user(DEMO_STUDENT_ID, 'Ingrid Åsheim', ['student'], {}, `stud.${INSTITUTION.domain}`),
    user(DEMO_APPLICANT_ID, 'Lukas Schneider', ['applicant'], {}, 'example.com'),
  );
  return users;
}

/** A demo account by id. */
export function demoUser(userId: string): DemoUser | undefined {
  return demoUsers().find((user) => user.userId === userId);
}

/** The demo accounts' staff directory, as the server publishes it from its accounts. */
export function demoStaffMembers(updatedAt: string): StaffMember[] {
  return demoUsers()
    .filter((user) => isStaff(user))
    .map((user) => staffMember({ ...user, id: user.userId, active: true }, updatedAt));
}

import { z } from 'zod';
import { idSchema } from '../case/case.schema';

/** The roles of ../shared/domain.md ("Who uses the product"). */
export const roles = [
  'teacher',
  'cohortCoordinator',
  'departmentHead',
  'rector',
  'operationsConsultant',
  'caseOfficer',
  'nominator',
  'placementAdmin',
  'siteCoordinator',
  'siteSupervisor',
  'student',
  'applicant',
] as const;
export type Role = (typeof roles)[number];

/** Roles held by people outside the institution (partners, placement sites, students, applicants). */
export const externalRoles: readonly Role[] = ['nominator', 'siteCoordinator', 'siteSupervisor', 'student', 'applicant'];

/** Norwegian and English names of each role, for the UI and for documents. */
export const roleLabels: Record<Role, { nb: string; en: string }> = {
  teacher: { nb: 'Lærer', en: 'Teacher' },
  cohortCoordinator: { nb: 'Kullkoordinator', en: 'Cohort coordinator' },
  departmentHead: { nb: 'Avdelingsleder', en: 'Head of department' },
  rector: { nb: 'Rektor', en: 'Rector' },
  operationsConsultant: { nb: 'Konsulent driftsadministrasjon', en: 'Operations consultant' },
  caseOfficer: { nb: 'Studiekonsulent', en: 'Case officer' },
  nominator: { nb: 'Nominator hos partner', en: 'Partner nominator' },
  placementAdmin: { nb: 'Praksisadministrator', en: 'Placement administrator' },
  siteCoordinator: { nb: 'Praksiskoordinator', en: 'Placement site coordinator' },
  siteSupervisor: { nb: 'Praksisveileder', en: 'Placement supervisor' },
  student: { nb: 'Student', en: 'Student' },
  applicant: { nb: 'Søker', en: 'Applicant' },
};

const scopeList = z.array(z.string().min(1).max(100)).max(500);

export const actorScopeSchema = z.object({
  /** The institution the actor works at or with. */
  institution: z.string().min(1).max(100),
  departments: scopeList,
  cohorts: scopeList,
  /** Partner organisations (nominating partners, placement sites) the actor acts for. */
  partners: scopeList,
});
export type ActorScope = z.infer<typeof actorScopeSchema>;

/**
 * Who performs an action. For students and applicants `userId` is their person id
 * (the `subjectPersonId` of their own cases).
 */
export const actorSchema = z.object({
  userId: idSchema,
  name: z.string().min(1).max(200),
  roles: z.array(z.enum(roles)).min(1).max(roles.length),
  scope: actorScopeSchema,
});
export type Actor = z.infer<typeof actorSchema>;

export {
  canCreateCase,
  canEditCase,
  canSeeCase,
  caseTypesForActor,
  caseTypesForRole,
  isTerminalStatus,
  roleCanCreate,
  roleCanEdit,
  roleCanSee,
  roleKeepsRecords,
  roleCaseTypes,
  isStaff,
  seesPeopleRegister,
} from './access';
export { actorSchema, actorScopeSchema, externalRoles, roleLabels, roles, type Actor, type ActorScope, type Role } from './roles';

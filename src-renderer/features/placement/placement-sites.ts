import type { OrganisationIndex } from '../../../src-shared/domain/organisation/organisation-index';
import type { OrgUnit } from '../../../src-shared/domain/organisation/org-unit.schema';

/** The placement sites an activity of the department uses: the department's own, or every site when it has none. */
export function sitesFor(organisation: OrganisationIndex, department: string): OrgUnit[] {
  const own = organisation.list('site', department);
  return own.length > 0 ? own : organisation.list('site');
}

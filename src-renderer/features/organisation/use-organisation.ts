import { useMemo } from 'react';
import { organisationIndex, type OrganisationIndex } from '../../../src-shared/domain/organisation/organisation-index';
import type { OrgUnit } from '../../../src-shared/domain/organisation/org-unit.schema';
import { useDatabase } from '../../app/providers';
import { useObservable } from '../../db/use-observable';

/**
 * The organisation (institution, departments, cohorts, courses, …) from the local replica: the
 * server's, replicated read-only; on local demo data, the demo institution's. Undefined while loading.
 */
export function useOrganisation(): OrganisationIndex | undefined {
  const db = useDatabase();
  const units$ = useMemo(() => db.organisation.find().$, [db]);
  const docs = useObservable(units$);
  return useMemo(() => (docs ? organisationIndex(docs.map((doc) => doc.toJSON() as OrgUnit)) : undefined), [docs]);
}

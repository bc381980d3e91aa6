import { mayWriteOffer } from '../../../../src-shared/domain/access/offer-access';
import type { Actor } from '../../../../src-shared/domain/access/roles';
import type { OrganisationIndex } from '../../../../src-shared/domain/organisation/organisation-index';
import type { OrgUnit } from '../../../../src-shared/domain/organisation/org-unit.schema';

/** What the actor may pick for an offer: their institution's partners, and the departments whose offers they may keep. */
export function offerChoices(organisation: OrganisationIndex, actor: Actor): { partners: OrgUnit[]; departments: OrgUnit[] } {
  return {
    partners: organisation.list('partner').filter((partner) => partner.institution === actor.scope.institution),
    departments: organisation
      .list('department')
      .filter((department) => mayWriteOffer(actor, { institution: department.institution, department: department.id, partnerId: '' })),
  };
}

import type { OrgUnit, OrgUnitKind } from './org-unit.schema';

/** The organisation as the app looks things up in it: by id, by kind and by parent. */
export interface OrganisationIndex {
  unit(id: string): OrgUnit | undefined;
  /** The units of a kind under a parent (all of that kind when no parent is given), by name. */
  list(kind: OrgUnitKind, parentId?: string): OrgUnit[];
  /** The institution of a unit (or the only one when none is given). */
  institution(id?: string): OrgUnit | undefined;
  /** A unit's name, or its id when the unit is unknown (a case from before an import). */
  nameOf(id: string): string;
}

export function organisationIndex(units: readonly OrgUnit[]): OrganisationIndex {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const byName = (a: OrgUnit, b: OrgUnit) => a.name.localeCompare(b.name, 'nb');
  return {
    unit: (id) => byId.get(id),
    list: (kind, parentId) => units.filter((unit) => unit.kind === kind && (parentId === undefined || unit.parentId === parentId)).sort(byName),
    institution(id) {
      if (id === undefined) return units.find((unit) => unit.kind === 'institution');
      const unit = byId.get(id);
      return unit ? byId.get(unit.institution) : undefined;
    },
    nameOf: (id) => byId.get(id)?.name ?? id,
  };
}

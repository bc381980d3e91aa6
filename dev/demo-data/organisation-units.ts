import { validateOrgRows } from '../../src-shared/domain/organisation/org-import-rows';
import type { OrgUnit } from '../../src-shared/domain/organisation/org-unit.schema';
import { departments, INSTITUTION, partners, placementSites } from './organisation';

/** Every demo agreement runs through the demo offers' terms (2027V). */
export const agreementTerms = { validFrom: '2024-01-01', validTo: '2029-12-31' } as const;

const countryOf: Record<(typeof partners)[number]['locale'], string> = { de: 'DE', fr: 'FR', fi: 'FI', es: 'ES', it: 'IT', pl: 'PL', no: 'NO' };

/**
 * The demo institution as organisation rows, the same rows an operator imports with
 * `npm run admin -- org import` (so the demo goes through the import's checks too).
 */
export function demoOrganisationRows(): Record<string, string>[] {
  const rows: Record<string, string>[] = [{ id: INSTITUTION.id, kind: 'institution', name: INSTITUTION.name, domain: INSTITUTION.domain }];
  for (const department of departments) {
    rows.push({ id: department.id, kind: 'department', name: department.name, parentId: INSTITUTION.id });
    for (const cohort of department.cohorts) rows.push({ id: cohort.id, kind: 'cohort', code: cohort.id, name: cohort.name, parentId: department.id });
    const courses = [
      ...department.courses.map((course) => ({ ...course, category: 'ordinary' })),
      ...department.placementCourses.map((course) => ({ ...course, category: 'placement' })),
      ...department.furtherEducation.map((course) => ({ ...course, category: 'furtherEducation' })),
    ];
    for (const course of courses)
      rows.push({ id: `course-${course.code}`, kind: 'course', code: course.code, name: course.name, parentId: department.id, category: course.category });
  }
  for (const partner of partners) {
    rows.push({ id: partner.id, kind: 'partner', name: partner.name, parentId: INSTITUTION.id, country: countryOf[partner.locale], language: partner.locale });
    rows.push({
      id: partner.agreementId,
      kind: 'agreement',
      code: partner.agreementId,
      name: `Avtale ${partner.agreementId} med ${partner.name}`,
      parentId: partner.id,
      ...agreementTerms,
      places: String(partner.places),
    });
  }
  // The fictional municipalities' centres, for the placement distribution's travel distance.
  for (const [name, latitude, longitude] of demoMunicipalities) {
    rows.push({
      id: `municipality-${name.toLowerCase()}`,
      kind: 'municipality',
      name,
      parentId: INSTITUTION.id,
      latitude: String(latitude),
      longitude: String(longitude),
    });
  }
  for (const site of placementSites) {
    rows.push({ id: site.id, kind: 'site', name: site.name, parentId: site.department, ...(site.municipality && { municipality: site.municipality }) });
    rows.push({ id: `${site.id}-unit`, kind: 'siteUnit', name: site.unit, parentId: site.id });
  }
  return rows;
}

export function demoOrganisation(now: Date): OrgUnit[] {
  const result = validateOrgRows(demoOrganisationRows(), [], now.toISOString());
  if (!result.ok) throw new Error(`Demo organisation: ${result.problems.map((problem) => `row ${problem.row}: ${problem.message}`).join('; ')}`);
  return result.units;
}

/** Fjordheim, Nordli and Strandvik are fictional; their centres lie in Vestland, 25–130 km apart. */
const demoMunicipalities: readonly [name: string, latitude: number, longitude: number][] = [
  ['Fjordheim', 61.4523, 5.8572],
  ['Nordli', 61.6766, 6.0384],
  ['Strandvik', 60.3913, 5.3221],
];

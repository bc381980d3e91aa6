import { defaultDistributionRules, type PlacementActivity } from '../../src-shared/domain/placement/activity.schema';

/**
 * A placement activity of the fixtures: SYK2100 in autumn 2026 with classes A and B, one
 * requirement, and four students with wishes, home municipality and an earlier site.
 */
export function sykehjemActivity(overrides: Partial<PlacementActivity> = {}): PlacementActivity {
  return {
    id: 'activity-syk2100-26h',
    institution: 'hifj',
    department: 'helse',
    courseCode: 'SYK2100',
    courseName: 'Praksisstudier i sykehjem',
    from: '2026-10-05',
    to: '2026-11-13',
    classes: [
      { name: 'A', teacher: { userId: 'teacher-1', name: 'Randi Berg', email: 'randi.berg@hifj.example' } },
      { name: 'B', teacher: { userId: 'teacher-2', name: 'Per Moen', email: 'per.moen@hifj.example' } },
    ],
    requirements: ['Bestått SYK1001'],
    rules: defaultDistributionRules,
    students: [
      student('person-1', 'Ola Student', 'A', ['site-sentrum'], 'Fjordheim'),
      student('person-2', 'Kari Student', 'A', ['site-nordli', 'site-sentrum'], 'Nordli'),
      student('person-3', 'Per Student', 'B', ['site-sentrum'], 'Fjordheim', ['site-sentrum']),
      student('person-4', 'Liv Student', 'B', [], 'Fjordheim'),
    ],
    createdBy: 'placementAdmin-1',
    updatedAt: '2026-08-01T08:00:00.000Z',
    ...overrides,
  };
}

function student(personId: string, name: string, className: string, wishes: string[], homeMunicipality: string, earlierSites: string[] = []) {
  const email = `${name.toLowerCase().replace(' ', '.')}@stud.hifj.example`;
  return { personId, name, email, className, requirementsMet: ['Bestått SYK1001'], wishes, homeMunicipality, earlierSites };
}

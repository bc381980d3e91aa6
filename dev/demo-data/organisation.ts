/**
 * The fictional institution of the demo data: Høgskolen i Fjordheim, its departments, cohorts,
 * courses, partners and placement sites. Every name here is made up (domains end in .example).
 */
export const INSTITUTION = { id: 'hifj', name: 'Høgskolen i Fjordheim', domain: 'hifj.example' } as const;

export interface Course {
  code: string;
  name: string;
}

export interface Department {
  id: string;
  name: string;
  cohorts: readonly { id: string; name: string }[];
  /** Courses teachers report concerns in. */
  courses: readonly Course[];
  /** Placement activities (praksisemner), if the department has placements. */
  placementCourses: readonly Course[];
  /** Further-education courses (EVU) the department runs. */
  furtherEducation: readonly Course[];
  /** Share of all cases. */
  weight: number;
}

export const departments: readonly Department[] = [
  {
    id: 'helse',
    name: 'Avdeling for helse- og sosialfag',
    cohorts: [
      { id: 'SYK-2024H', name: 'Bachelor i sykepleie, kull 2024' },
      { id: 'SYK-2025H', name: 'Bachelor i sykepleie, kull 2025' },
      { id: 'VER-2024H', name: 'Bachelor i vernepleie, kull 2024' },
    ],
    courses: [
      { code: 'SYK1001', name: 'Anatomi, fysiologi og biokjemi' },
      { code: 'SYK1002', name: 'Sykepleiens faglige grunnlag' },
      { code: 'SYK2001', name: 'Sykdomslære og farmakologi' },
      { code: 'VER1001', name: 'Vernepleiefaglig arbeid' },
      { code: 'HEL1003', name: 'Kommunikasjon, etikk og samhandling' },
    ],
    placementCourses: [
      { code: 'SYK2100', name: 'Praksisstudier i sykehjem' },
      { code: 'SYK3100', name: 'Praksis i spesialisthelsetjenesten' },
      { code: 'VER2100', name: 'Praksis i bofellesskap' },
    ],
    furtherEducation: [
      { code: 'EVU-VEI', name: 'Veiledning av studenter i praksis' },
      { code: 'EVU-DEM', name: 'Demensomsorg i praksis' },
      { code: 'EVU-PAL', name: 'Lindrende behandling og omsorg' },
    ],
    weight: 35,
  },
  {
    id: 'okonomi',
    name: 'Avdeling for økonomi og ledelse',
    cohorts: [
      { id: 'OKAD-2024H', name: 'Bachelor i økonomi og administrasjon, kull 2024' },
      { id: 'LED-2025H', name: 'Bachelor i ledelse, kull 2025' },
    ],
    courses: [
      { code: 'BØK1001', name: 'Bedriftsøkonomisk analyse' },
      { code: 'ORG1001', name: 'Organisasjon og ledelse' },
      { code: 'MAT1050', name: 'Matematikk for økonomer' },
      { code: 'REG1001', name: 'Finansregnskap' },
    ],
    placementCourses: [],
    furtherEducation: [
      { code: 'EVU-PRO', name: 'Prosjektledelse i offentlig sektor' },
      { code: 'EVU-LHO', name: 'Ledelse i helse- og omsorgstjenesten' },
    ],
    weight: 20,
  },
  {
    id: 'laerer',
    name: 'Avdeling for lærerutdanning',
    cohorts: [
      { id: 'GLU-2023H', name: 'Grunnskolelærer 1–7, kull 2023' },
      { id: 'BHL-2024H', name: 'Barnehagelærer, kull 2024' },
    ],
    courses: [
      { code: 'PEL1001', name: 'Pedagogikk og elevkunnskap' },
      { code: 'NOR1101', name: 'Norsk 1' },
      { code: 'MAT1101', name: 'Matematikk 1' },
      { code: 'BHL1001', name: 'Barns utvikling, lek og læring' },
    ],
    placementCourses: [
      { code: 'GLU2200', name: 'Praksis i grunnskolen, 2. studieår' },
      { code: 'BHL1300', name: 'Praksis i barnehage' },
    ],
    furtherEducation: [
      { code: 'EVU-KLA', name: 'Klasseledelse' },
      { code: 'EVU-DIG', name: 'Digital kompetanse i skolen' },
    ],
    weight: 25,
  },
  {
    id: 'teknologi',
    name: 'Avdeling for ingeniørfag og teknologi',
    cohorts: [
      { id: 'DATA-2024H', name: 'Bachelor i dataingeniør, kull 2024' },
      { id: 'ELKR-2025H', name: 'Bachelor i elkraft, kull 2025' },
    ],
    courses: [
      { code: 'DAT1001', name: 'Programmering 1' },
      { code: 'DAT1002', name: 'Databaser' },
      { code: 'ELE1001', name: 'Elektroteknikk' },
      { code: 'MAT1201', name: 'Matematikk for ingeniører' },
    ],
    placementCourses: [],
    furtherEducation: [
      { code: 'EVU-MLI', name: 'Innføring i maskinlæring' },
      { code: 'EVU-SIK', name: 'Informasjonssikkerhet for ledere' },
    ],
    weight: 20,
  },
];

export interface Partner {
  id: string;
  name: string;
  /** Offers (utdanningstilbud) under the agreement; applicants come from these countries' name lists. */
  offers: readonly {
    code: string;
    name: string;
    nameEn: string;
    kind: 'exchange' | 'blendedIntensive' | 'commissionedEducation';
    department: string;
    /** ISCED-F field of the teaching. */
    isced: string;
  }[];
  locale: 'de' | 'fr' | 'fi' | 'es' | 'it' | 'pl' | 'no';
  agreementId: string;
  /** Places per term under the agreement, shared by its offers. */
  places: number;
}

export const partners: readonly Partner[] = [
  {
    id: 'partner-lindenhof',
    name: 'Hochschule Lindenhof',
    locale: 'de',
    agreementId: 'AVT-2024-017',
    places: 12,
    offers: [
      {
        code: 'UTV-HEL-27V',
        name: 'Utveksling helse og sosial, vår 2027',
        nameEn: 'Exchange in health and social care, spring 2027',
        kind: 'exchange',
        department: 'helse',
        isced: '0913',
      },
      {
        code: 'BIP-DIGH-27',
        name: 'BIP: Digital helse i kommunene',
        nameEn: 'BIP: Digital health in the municipalities',
        kind: 'blendedIntensive',
        department: 'helse',
        isced: '0988',
      },
    ],
  },
  {
    id: 'partner-valmont',
    name: 'Université de Valmont',
    locale: 'fr',
    agreementId: 'AVT-2023-044',
    places: 8,
    offers: [
      {
        code: 'UTV-OKO-27V',
        name: 'Utveksling økonomi og ledelse, vår 2027',
        nameEn: 'Exchange in business and management, spring 2027',
        kind: 'exchange',
        department: 'okonomi',
        isced: '0413',
      },
    ],
  },
  {
    id: 'partner-aurora',
    name: 'Aurora University of Applied Sciences',
    locale: 'fi',
    agreementId: 'AVT-2025-003',
    places: 10,
    offers: [
      {
        code: 'UTV-TEK-27V',
        name: 'Exchange semester in computer engineering, spring 2027',
        nameEn: 'Exchange semester in computer engineering, spring 2027',
        kind: 'exchange',
        department: 'teknologi',
        isced: '0613',
      },
      {
        code: 'BIP-ARC-27',
        name: 'BIP: Arctic energy systems',
        nameEn: 'BIP: Arctic energy systems',
        kind: 'blendedIntensive',
        department: 'teknologi',
        isced: '0713',
      },
    ],
  },
  {
    id: 'partner-alborada',
    name: 'Universidad de la Alborada',
    locale: 'es',
    agreementId: 'AVT-2024-029',
    places: 6,
    offers: [
      {
        code: 'UTV-LU-27V',
        name: 'Utveksling lærerutdanning, vår 2027',
        nameEn: 'Exchange in teacher education, spring 2027',
        kind: 'exchange',
        department: 'laerer',
        isced: '0113',
      },
    ],
  },
  {
    id: 'partner-fjordheim-kommune',
    name: 'Fjordheim kommune',
    locale: 'no',
    agreementId: 'OPP-2025-002',
    places: 60,
    offers: [
      {
        code: 'OPP-VEI-27',
        name: 'Veiledning i praksis (oppdragsutdanning)',
        nameEn: 'Supervising students in placement (commissioned education)',
        kind: 'commissionedEducation',
        department: 'helse',
        isced: '0111',
      },
      {
        code: 'OPP-KLA-27',
        name: 'Klasseledelse (oppdragsutdanning)',
        nameEn: 'Classroom management (commissioned education)',
        kind: 'commissionedEducation',
        department: 'laerer',
        isced: '0111',
      },
    ],
  },
];

export interface PlacementSite {
  id: string;
  name: string;
  unit: string;
  department: string;
  /** Where the site lies (the distribution's travel cost); unknown for some. */
  municipality?: string;
}

export const placementSites: readonly PlacementSite[] = [
  { id: 'site-sentrum-sykehjem', name: 'Fjordheim kommune – Sentrum sykehjem', unit: 'Langtidsavdelingen', department: 'helse', municipality: 'Fjordheim' },
  { id: 'site-fjordheim-sjukehus', name: 'Fjordheim sjukehus', unit: 'Medisinsk sengepost', department: 'helse', municipality: 'Fjordheim' },
  { id: 'site-nordlys-bofellesskap', name: 'Nordlys bofellesskap', unit: 'Avlastning', department: 'helse', municipality: 'Nordli' },
  { id: 'site-solbakken-barnehage', name: 'Solbakken barnehage', unit: 'Småbarnsavdelingen', department: 'laerer' },
  { id: 'site-bryggen-skole', name: 'Bryggen skole', unit: '5.–7. trinn', department: 'laerer', municipality: 'Strandvik' },
];

/** FS institutions asked in a result fetch (the seed's test persons have results at 216 and 214). */
export const resultInstitutions: readonly { code: string; name: string }[] = [
  { code: '216', name: 'Høgskulen i Sogn og Fjordane (HiSF)' },
  { code: '214', name: 'Høgskolen i Nord-Trøndelag (HiNT)' },
  { code: '185', name: 'Universitetet i Oslo' },
  { code: '184', name: 'Universitetet i Bergen' },
  { code: '194', name: 'NTNU' },
  { code: '186', name: 'UiT Norges arktiske universitet' },
];

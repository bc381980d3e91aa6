/**
 * The Norwegian institutions a result exchange asks (about 50 FS databases), as FS had them when
 * seed 003 was written (2014, before the mergers: HiSF and HiNT still exist). Codes are FS
 * institution numbers (216 HiSF and 214 HiNT from the seed; the state institutions 184–225); the
 * private colleges' numbers (from 250) are stand-in numbers, not FS's.
 */
export interface FsInstitution {
  code: string;
  name: string;
  short: string;
}

export const fsInstitutions: readonly FsInstitution[] = [
  { code: '184', name: 'Universitetet i Bergen', short: 'UiB' },
  { code: '185', name: 'Universitetet i Oslo', short: 'UiO' },
  { code: '186', name: 'Universitetet i Tromsø – Norges arktiske universitet', short: 'UiT' },
  { code: '187', name: 'Kunsthøgskolen i Oslo', short: 'KHiO' },
  { code: '188', name: 'Arkitektur- og designhøgskolen i Oslo', short: 'AHO' },
  { code: '189', name: 'Norges musikkhøgskole', short: 'NMH' },
  { code: '190', name: 'Norges idrettshøgskole', short: 'NIH' },
  { code: '191', name: 'Norges Handelshøyskole', short: 'NHH' },
  { code: '192', name: 'Norges miljø- og biovitenskapelige universitet', short: 'NMBU' },
  { code: '193', name: 'Kunsthøgskolen i Bergen', short: 'KHiB' },
  { code: '194', name: 'Norges teknisk-naturvitenskapelige universitet', short: 'NTNU' },
  { code: '201', name: 'Universitetet i Agder', short: 'UiA' },
  { code: '203', name: 'Høgskolen i Bergen', short: 'HiB' },
  { code: '204', name: 'Universitetet i Nordland', short: 'UiN' },
  { code: '205', name: 'Høgskolen i Buskerud og Vestfold', short: 'HBV' },
  { code: '206', name: 'Høgskolen i Finnmark', short: 'HiF' },
  { code: '207', name: 'Høgskolen i Gjøvik', short: 'HiG' },
  { code: '208', name: 'Høgskolen i Harstad', short: 'HiH' },
  { code: '209', name: 'Høgskolen i Hedmark', short: 'HiHm' },
  { code: '210', name: 'Høgskolen i Lillehammer', short: 'HiL' },
  { code: '211', name: 'Høgskolen i Molde', short: 'HiMolde' },
  { code: '212', name: 'Høgskolen i Narvik', short: 'HiN' },
  { code: '213', name: 'Høgskolen i Nesna', short: 'HiNe' },
  { code: '214', name: 'Høgskolen i Nord-Trøndelag', short: 'HiNT' },
  { code: '215', name: 'Høgskolen i Oslo og Akershus', short: 'HiOA' },
  { code: '216', name: 'Høgskulen i Sogn og Fjordane', short: 'HiSF' },
  { code: '217', name: 'Universitetet i Stavanger', short: 'UiS' },
  { code: '218', name: 'Høgskolen Stord/Haugesund', short: 'HSH' },
  { code: '219', name: 'Høgskolen i Sør-Trøndelag', short: 'HiST' },
  { code: '220', name: 'Høgskolen i Telemark', short: 'HiT' },
  { code: '223', name: 'Høgskulen i Volda', short: 'HVO' },
  { code: '224', name: 'Høgskolen i Østfold', short: 'HiØ' },
  { code: '225', name: 'Høgskolen i Ålesund', short: 'HiÅ' },
  { code: '231', name: 'Sámi allaskuvla – Samisk høgskole', short: 'SA' },
  { code: '232', name: 'Politihøgskolen', short: 'PHS' },
  { code: '250', name: 'MF vitenskapelig høyskole', short: 'MF' },
  { code: '251', name: 'Diakonhjemmet Høgskole', short: 'DHS' },
  { code: '252', name: 'Handelshøyskolen BI', short: 'BI' },
  { code: '253', name: 'NLA Høgskolen', short: 'NLA' },
  { code: '254', name: 'Lovisenberg diakonale høgskole', short: 'LDH' },
  { code: '255', name: 'Haraldsplass diakonale høgskole', short: 'HDH' },
  { code: '256', name: 'Bergen Arkitekt Skole', short: 'BAS' },
  { code: '257', name: 'Dronning Mauds Minne Høgskole', short: 'DMMH' },
  { code: '258', name: 'Ansgar Teologiske Høgskole', short: 'ATH' },
  { code: '259', name: 'Betanien diakonale høgskole', short: 'BDH' },
  { code: '260', name: 'Fjellhaug Internasjonale Høgskole', short: 'FIH' },
  { code: '261', name: 'Høgskolen Diakonova', short: 'HD' },
  { code: '262', name: 'Misjonshøgskolen', short: 'MHS' },
  { code: '263', name: 'Barratt Due musikkinstitutt', short: 'BD' },
  { code: '264', name: 'Rudolf Steinerhøyskolen', short: 'RSH' },
];

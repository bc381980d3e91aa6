import type { Rng } from './prng';
import type { Partner } from './organisation';

/** Norwegian given and family names, æøå included; combined at random they name no one in particular. */
const givenNames = [
  'Ingrid',
  'Kari',
  'Solveig',
  'Åse',
  'Astrid',
  'Sigrid',
  'Ragnhild',
  'Maren',
  'Ingeborg',
  'Tone',
  'Hege',
  'Marte',
  'Emma',
  'Nora',
  'Sofie',
  'Ella',
  'Frøydis',
  'Bjørg',
  'Gro',
  'Tiril',
  'Mathilde',
  'Ida',
  'Synnøve',
  'Eli',
  'Liv',
  'Kjersti',
  'Guro',
  'Dagny',
  'Åshild',
  'Vårin',
  'Ylva',
  'Ronja',
  'Amalie',
  'Thea',
  'Hedda',
  'Live',
  'Sunniva',
  'Torunn',
  'Siv',
  'Gøril',
  'Ole',
  'Lars',
  'Knut',
  'Bjørn',
  'Øyvind',
  'Håkon',
  'Ståle',
  'Sindre',
  'Magnus',
  'Jonas',
  'Jakob',
  'Emil',
  'Filip',
  'Henrik',
  'Aksel',
  'Mathias',
  'Tobias',
  'Sverre',
  'Eirik',
  'Gaute',
  'Torbjørn',
  'Trygve',
  'Ørjan',
  'Jørgen',
  'Pål',
  'Åsmund',
  'Geir',
  'Vegard',
  'Espen',
  'Halvard',
  'Kåre',
  'Nils',
  'Even',
  'Sigurd',
  'Ask',
  'Johannes',
  'Bård',
  'Steinar',
  'Dag',
  'Mads',
  'Amira',
  'Yusuf',
  'Leyla',
  'Omar',
  'Zainab',
  'Aleksander',
  'Natalia',
  'Linh',
  'Minh',
  'Sara',
] as const;

const familyNames = [
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Kristiansen',
  'Jensen',
  'Karlsen',
  'Johnsen',
  'Pettersen',
  'Eriksen',
  'Berg',
  'Haugen',
  'Hagen',
  'Johannessen',
  'Andreassen',
  'Jacobsen',
  'Dahl',
  'Jørgensen',
  'Halvorsen',
  'Henriksen',
  'Lund',
  'Sørensen',
  'Moen',
  'Gundersen',
  'Iversen',
  'Strand',
  'Solberg',
  'Svendsen',
  'Eide',
  'Knutsen',
  'Martinsen',
  'Bakken',
  'Kristoffersen',
  'Mathisen',
  'Lie',
  'Amundsen',
  'Nguyen',
  'Rasmussen',
  'Ali',
  'Lunde',
  'Solheim',
  'Berge',
  'Moe',
  'Nygård',
  'Bakke',
  'Fredriksen',
  'Holm',
  'Lien',
  'Hauge',
  'Knudsen',
  'Evensen',
  'Sæther',
  'Aas',
  'Myhre',
  'Haugland',
  'Thomassen',
  'Sivertsen',
  'Simonsen',
  'Danielsen',
  'Sandvik',
  'Rønning',
  'Arnesen',
  'Næss',
  'Vik',
  'Haug',
  'Ellingsen',
  'Birkeland',
  'Ødegård',
  'Østby',
  'Sæbø',
  'Bråten',
  'Løvås',
  'Grønli',
  'Ås',
  'Høiland',
  'Kvåle',
  'Bøe',
  'Fjørtoft',
  'Sæle',
  'Tønnessen',
  'Vågen',
  'Dæhli',
  'Brække',
  'Løken',
  'Røed',
  'Ødegaard',
  'Åsheim',
  'Hussain',
  'Khan',
  'Tran',
  'Nowak',
  'Kowalski',
  'Mohammed',
  'Abdi',
  'Yilmaz',
  'Popescu',
  'Hoang',
] as const;

const internationalNames: Record<Exclude<Partner['locale'], 'no'>, { given: readonly string[]; family: readonly string[] }> = {
  de: {
    given: ['Lukas', 'Sophie', 'Jonas', 'Lena', 'Felix', 'Hannah', 'Maximilian', 'Jürgen'],
    family: ['Müller', 'Schneider', 'Fischer', 'Weiß', 'Schäfer', 'Köhler', 'Groß', 'Bäcker'],
  },
  fr: {
    given: ['Camille', 'Hugo', 'Léa', 'Théo', 'Chloé', 'Louis', 'Inès', 'Gaël'],
    family: ['Dubois', 'Lefèvre', 'Moreau', 'Girard', 'Rousseau', 'Bérénger', 'Fontaine', 'Mercier'],
  },
  fi: {
    given: ['Aino', 'Eero', 'Väinö', 'Siiri', 'Onni', 'Helmi', 'Lauri', 'Ilona'],
    family: ['Virtanen', 'Mäkinen', 'Nieminen', 'Hämäläinen', 'Järvinen', 'Lehtonen', 'Kärkkäinen', 'Heikkilä'],
  },
  es: {
    given: ['Lucía', 'Mateo', 'Sofía', 'Martín', 'Valentina', 'Álvaro', 'Irene', 'Hugo'],
    family: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Muñoz'],
  },
  it: { given: ['Giulia', 'Luca', 'Chiara', 'Matteo', 'Sara', 'Niccolò'], family: ['Rossi', 'Bianchi', 'Ricci', 'Marino', 'Greco', 'Conti'] },
  pl: { given: ['Zofia', 'Jakub', 'Maja', 'Kacper', 'Łucja', 'Mikołaj'], family: ['Nowak', 'Kowalska', 'Wiśniewski', 'Wójcik', 'Kamińska', 'Lewandowski'] },
};

export interface PersonName {
  givenName: string;
  familyName: string;
}

export function norwegianName(rng: Rng): PersonName {
  const givenName = rng.pick(givenNames);
  const familyName = rng.pick(familyNames);
  if (!rng.chance(0.08)) return { givenName, familyName };
  const second = rng.pick(familyNames);
  return { givenName, familyName: second === familyName ? familyName : `${familyName}-${second}` };
}

export function nameFor(locale: Partner['locale'], rng: Rng): PersonName {
  if (locale === 'no') return norwegianName(rng);
  const names = internationalNames[locale];
  return { givenName: rng.pick(names.given), familyName: rng.pick(names.family) };
}

export const fullName = (name: PersonName) => `${name.givenName} ${name.familyName}`;

const ascii: Record<string, string> = {
  æ: 'ae',
  ø: 'o',
  å: 'aa',
  ä: 'a',
  ö: 'o',
  ü: 'u',
  é: 'e',
  è: 'e',
  á: 'a',
  í: 'i',
  ó: 'o',
  ú: 'u',
  ñ: 'n',
  ł: 'l',
  ś: 's',
  ń: 'n',
  ë: 'e',
  ç: 'c',
  ò: 'o',
};

const localParts = new Map<string, string>();

/** An e-mail local part from a name: lower case, ASCII, dots between names (memoized: names repeat). */
export function emailLocalPart(name: PersonName): string {
  const key = `${name.givenName}.${name.familyName}`;
  let local = localParts.get(key);
  if (local === undefined) {
    local = key
      .toLowerCase()
      .replace(/[^a-z.\s-]/g, (ch) => ascii[ch] ?? '')
      .replace(/[\s-]+/g, '.');
    localParts.set(key, local);
  }
  return local;
}

import { useAppStore } from '../../../app/store';
import type { PassListProblem } from './pass-list-csv';

/** The results panel's texts: Norwegian bokmål (default) and English. */
const nb = {
  heading: 'Resultater og beståttliste',
  none: 'Ingen resultater er registrert ennå.',
  recorded: (source: 'lms' | 'teacher', at: string, count: number) =>
    `${count} resultater ${source === 'lms' ? 'hentet fra Canvas' : 'lastet opp av undervisningsressursen'} ${at}.`,
  lms: {
    heading: 'Karakterer fra Canvas',
    fetch: 'Hent karakterer fra Canvas',
    requested: (at: string) => `Sist bedt om ${at}.`,
    notRequested: 'Karakterene er ikke hentet fra Canvas ennå.',
    arrived: (at: string) => `Karakterene kom fra Canvas ${at}.`,
    waiting: 'Venter på svar fra Canvas; serveren henter karakterene når endringen er synkronisert.',
    working: 'Ber om karakterene …',
    done: 'Canvas er bedt om karakterene.',
  },
  upload: {
    heading: 'Last opp beståttliste',
    description:
      'En CSV-fil med kolonnene e-post; navn; resultat (bestått eller ikke bestått), slik Excel lagrer den. E-posten er den deltakeren meldte seg på med.',
    file: 'Beståttliste (CSV)',
    submit: 'Last opp',
    chooseFile: 'Velg en fil først.',
    saved: (count: number) => `Beståttlisten med ${count} deltakere er lagret.`,
    refused: 'Listen er ikke lagret. Rett filen og last den opp på nytt:',
    unreadable: 'Filen kunne ikke leses.',
    problem: (problem: PassListProblem): string => {
      if (!('row' in problem)) {
        if (problem.code === 'columns') return `Mangler kolonne: ${problem.missing.join(', ')}.`;
        return problem.code === 'empty' ? 'Listen har ingen rader.' : `Listen har ${problem.count} rader; høyst 1000.`;
      }
      const where = `Rad ${problem.row}`;
      switch (problem.code) {
        case 'email':
          return `${where}: «${problem.value}» er ikke en e-postadresse.`;
        case 'name':
          return `${where}: navnet mangler.`;
        case 'result':
          return `${where}: «${problem.value}» er ikke bestått eller ikke bestått.`;
        case 'duplicate':
          return `${where}: ${problem.value} står på listen før.`;
        case 'shape':
          return `${where}: har ikke tre kolonner.`;
      }
    },
    notYours: 'Bare kursets undervisningsressurs laster opp beståttlisten.',
  },
  passList: {
    heading: 'Beståttliste',
    description: 'De som er tatt opp, sammenholdt med resultatene (etter e-post). Grunnlaget for kursbevisene.',
    passed: (count: number) => `Bestått (${count})`,
    failed: (count: number) => `Ikke bestått (${count})`,
    missing: (count: number) => `Uten resultat (${count})`,
    unmatched: (count: number) => `Resultater uten tatt opp deltaker (${count})`,
    empty: 'Ingen.',
  },
  saveFailed: (message: string) => `Ikke lagret: ${message}`,
};

export type ResultsText = typeof nb;

const en: ResultsText = {
  heading: 'Results and pass list',
  none: 'No results are recorded yet.',
  recorded: (source, at, count) => `${count} results ${source === 'lms' ? 'read from the LMS' : 'uploaded by the teaching resource'} ${at}.`,
  lms: {
    heading: 'Grades from the LMS',
    fetch: 'Fetch grades from Canvas',
    requested: (at) => `Last asked ${at}.`,
    notRequested: 'The grades have not been fetched from the LMS yet.',
    arrived: (at) => `The grades came from the LMS ${at}.`,
    waiting: 'Waiting for the LMS; the server fetches the grades once the change has synced.',
    working: 'Asking for the grades …',
    done: 'The LMS is asked for the grades.',
  },
  upload: {
    heading: 'Upload the pass list',
    description:
      'A CSV file with the columns e-post; navn; resultat (bestått or ikke bestått, or passed or failed), as Excel saves it. The e-mail is the one the participant registered with.',
    file: 'Pass list (CSV)',
    submit: 'Upload',
    chooseFile: 'Choose a file first.',
    saved: (count) => `The pass list of ${count} participants is saved.`,
    refused: 'The list is not saved. Correct the file and upload it again:',
    unreadable: 'The file could not be read.',
    problem: (problem) => {
      if (!('row' in problem)) {
        if (problem.code === 'columns') return `Missing column: ${problem.missing.join(', ')}.`;
        return problem.code === 'empty' ? 'The list has no rows.' : `The list has ${problem.count} rows; at most 1000.`;
      }
      const where = `Row ${problem.row}`;
      switch (problem.code) {
        case 'email':
          return `${where}: “${problem.value}” is not an e-mail address.`;
        case 'name':
          return `${where}: the name is missing.`;
        case 'result':
          return `${where}: “${problem.value}” is neither passed nor failed.`;
        case 'duplicate':
          return `${where}: ${problem.value} is on the list already.`;
        case 'shape':
          return `${where}: does not have three columns.`;
      }
    },
    notYours: 'Only the course’s teaching resource uploads the pass list.',
  },
  passList: {
    heading: 'Pass list',
    description: 'The admitted participants matched to the results (by e-mail). The basis of the course certificates.',
    passed: (count) => `Passed (${count})`,
    failed: (count) => `Failed (${count})`,
    missing: (count) => `No result (${count})`,
    unmatched: (count) => `Results matching no admitted participant (${count})`,
    empty: 'None.',
  },
  saveFailed: (message) => `Not saved: ${message}`,
};

export const resultsTexts = { nb, en } as const;

export function useResultsText(): ResultsText {
  return resultsTexts[useAppStore((state) => state.language)];
}

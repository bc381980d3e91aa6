import { useAppStore } from '../../app/store';

/** Texts of the conflict inbox: Norwegian bokmål (default) and English. */
const nb = {
  title: 'Konfliktinnboks',
  intro:
    'Her er endringer som kolliderte med endringer på serveren, og endringer serveren avviste. Ingenting du har skrevet er tapt: velg hvilken verdi som skal gjelde.',
  empty: 'Ingen konflikter eller avviste endringer.',
  kinds: {
    conflict: 'Konflikt',
    rejected: 'Avvist endring',
    quarantined: 'Endring satt til side',
  },
  detected: (when: string) => `Oppdaget ${when}`,
  conflictHelp: 'Feltene under ble endret både her og på serveren. Serverens verdi gjelder nå; velg din egen der den skal gjelde i stedet.',
  keepServer: 'Serverens verdi',
  useMine: 'Min verdi',
  save: 'Lagre valgene',
  saved: 'Valget er lagret og sendes til serveren.',
  failed: (message: string) => `Valget ble ikke lagret: ${message}`,
  field: 'Felt',
  mine: 'Min verdi',
  server: 'Verdi på serveren',
  retry: 'Send endringen på nytt',
  discard: 'Forkast min endring',
  retried: 'Endringen sendes på nytt.',
  discarded: 'Endringen er forkastet. Serverens versjon gjelder.',
  emptyValue: '(tom)',
  fields: {
    title: 'Tittel',
    status: 'Status',
    assignees: 'Saksbehandlere',
    deadlines: 'Frister',
    details: 'Detaljer',
    text: 'Tekst',
    due: 'Frist',
    done: 'Utført',
    _deleted: 'Slettet',
  } as Record<string, string>,
};

export type ConflictsText = typeof nb;

const en: ConflictsText = {
  title: 'Conflict inbox',
  intro: 'Changes that collided with changes on the server, and changes the server refused. Nothing you wrote is lost: choose which value applies.',
  empty: 'No conflicts or refused changes.',
  kinds: {
    conflict: 'Conflict',
    rejected: 'Refused change',
    quarantined: 'Change set aside',
  },
  detected: (when: string) => `Found ${when}`,
  conflictHelp: 'The fields below were changed both here and on the server. The server value applies now; choose yours where it should apply instead.',
  keepServer: 'Server value',
  useMine: 'My value',
  save: 'Save my choices',
  saved: 'Your choice is saved and sent to the server.',
  failed: (message: string) => `Your choice was not saved: ${message}`,
  field: 'Field',
  mine: 'My value',
  server: 'Value on the server',
  retry: 'Send the change again',
  discard: 'Discard my change',
  retried: 'The change is sent again.',
  discarded: 'The change was discarded. The server version applies.',
  emptyValue: '(empty)',
  fields: {
    title: 'Title',
    status: 'Status',
    assignees: 'Case officers',
    deadlines: 'Deadlines',
    details: 'Details',
    text: 'Text',
    due: 'Due',
    done: 'Done',
    _deleted: 'Deleted',
  },
};

export const conflictsTexts = { nb, en } as const;

export function useConflictsText(): ConflictsText {
  return conflictsTexts[useAppStore((state) => state.language)];
}

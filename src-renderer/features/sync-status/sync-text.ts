import type { RejectionReason } from '../../../src-shared/sync/push.schema';
import { useAppStore } from '../../app/store';
import type { ItemSyncState, SyncPhase } from '../../sync/sync-status';

/** Texts of the sync status bar and the sync page: Norwegian bokmål (default) and English. */
const nb = {
  connection: 'Tilkobling',
  phases: {
    starting: 'Kobler til serveren …',
    syncing: 'Synkroniserer …',
    idle: 'Tilkoblet',
    offline: 'Frakoblet – endringer lagres lokalt',
    'signed-out': 'Logget ut av serveren – logg inn for å synkronisere',
    revoked: 'Denne maskinen er tilbakekalt',
    outdated: 'Appen må oppdateres for å synkronisere',
    stopped: 'Synkroniseringen er stoppet',
  } satisfies Record<SyncPhase, string>,
  lastSync: 'Sist synkronisert',
  never: 'Ikke ennå',
  unsynced: 'Usynkroniserte endringer',
  syncNow: 'Synkroniser nå',
  syncingNow: 'Synkroniserer …',
  syncOk: 'Alt er synkronisert med serveren.',
  syncFailed: (message: string) => `Synkroniseringen ble ikke fullført: ${message} Endringene er lagret på denne maskinen og sendes senere.`,
  firstSync: 'Henter saker fra serveren',
  firstSyncProgress: (received: number, total: number) => `${received} av ${total} dokumenter mottatt`,
  details: 'Detaljer om synkroniseringen',
  inbox: (count: number) => (count === 1 ? '1 konflikt venter på deg' : `${count} konflikter venter på deg`),
  page: {
    title: 'Synkronisering',
    intro: 'Dokumenter som ikke er i takt med serveren, og de som nettopp ble synkronisert.',
    items: 'Dokumenter',
    document: 'Dokument',
    state: 'Tilstand',
    reason: 'Årsak',
    empty: 'Alt er synkronisert. Ingen endringer venter.',
    openInbox: 'Åpne i konfliktinnboksen',
  },
  states: {
    pending: 'Venter på synkronisering',
    synced: 'Synkronisert',
    conflict: 'Konflikt',
    rejected: 'Avvist av serveren',
    quarantined: 'Satt til side',
  } satisfies Record<ItemSyncState, string>,
  reasons: {
    'invalid-document': 'Endringen har en form serveren ikke godtar.',
    forbidden: 'Du har ikke (lenger) tilgang til å endre dette.',
    workflow: 'Endringen er ikke et lovlig steg i saksgangen.',
    immutable: 'Dette kan ikke endres etter at det er skrevet.',
    'delete-not-allowed': 'Dette kan ikke slettes.',
    'parent-missing': 'Saken dette hører til er ikke på serveren ennå; det sendes igjen når saken er der.',
    'internal-error': 'Serveren kunne ikke ta imot denne endringen.',
  } satisfies Record<RejectionReason, string>,
  collections: {
    cases: 'Sak',
    notes: 'Notat',
    documents: 'Dokument',
    tasks: 'Oppgave',
    people: 'Person',
    conflicts: 'Konflikt',
  } as Record<string, string>,
};

export type SyncText = typeof nb;

const en: SyncText = {
  connection: 'Connection',
  phases: {
    starting: 'Connecting to the server …',
    syncing: 'Syncing …',
    idle: 'Connected',
    offline: 'Offline – changes are kept on this computer',
    'signed-out': 'Signed out of the server – sign in to sync',
    revoked: 'This computer was revoked',
    outdated: 'Update the app to sync',
    stopped: 'Sync is stopped',
  },
  lastSync: 'Last synced',
  never: 'Not yet',
  unsynced: 'Unsynced changes',
  syncNow: 'Sync now',
  syncingNow: 'Syncing …',
  syncOk: 'Everything is synced with the server.',
  syncFailed: (message: string) => `Sync did not finish: ${message} Your changes are kept on this computer and sent later.`,
  firstSync: 'Fetching cases from the server',
  firstSyncProgress: (received: number, total: number) => `${received} of ${total} documents received`,
  details: 'Sync details',
  inbox: (count: number) => (count === 1 ? '1 conflict waits for you' : `${count} conflicts wait for you`),
  page: {
    title: 'Sync',
    intro: 'Documents that are not in step with the server, and those just synced.',
    items: 'Documents',
    document: 'Document',
    state: 'State',
    reason: 'Reason',
    empty: 'Everything is synced. No changes are waiting.',
    openInbox: 'Open in the conflict inbox',
  },
  states: {
    pending: 'Waiting to sync',
    synced: 'Synced',
    conflict: 'Conflict',
    rejected: 'Refused by the server',
    quarantined: 'Set aside',
  },
  reasons: {
    'invalid-document': 'The change has a form the server does not accept.',
    forbidden: 'You may not (or no longer) change this.',
    workflow: 'The change is not a legal step of the case process.',
    immutable: 'This cannot be changed once written.',
    'delete-not-allowed': 'This cannot be deleted.',
    'parent-missing': 'The case this belongs to is not on the server yet; it is sent again once the case is.',
    'internal-error': 'The server could not take this change.',
  },
  collections: {
    cases: 'Case',
    notes: 'Note',
    documents: 'Document',
    tasks: 'Task',
    people: 'Person',
    conflicts: 'Conflict',
  },
};

export const syncTexts = { nb, en } as const;

export function useSyncText(): SyncText {
  return syncTexts[useAppStore((state) => state.language)];
}

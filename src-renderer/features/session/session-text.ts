import type { SignedOutReason } from '../../../src-shared/ipc/session.contract';
import { useAppStore } from '../../app/store';

/** Texts of sign-in, lock screen and the user menu: Norwegian bokmål (default) and English. */
const nb = {
  login: {
    title: 'Logg inn',
    intro: 'Logg inn på Saksflyt-serveren for å hente sakene dine. De lagres kryptert på denne maskinen, så du kan jobbe videre uten nett.',
    serverUrl: 'Serveradresse',
    serverUrlDescription: 'Den sentrale Saksflyt-serveren, for eksempel https://saksflyt.example.no',
    username: 'Brukernavn',
    password: 'Passord',
    submit: 'Logg inn',
    submitting: 'Logger inn …',
    demo: 'Utforsk appen med demodata i stedet (lagres bare på denne maskinen)',
    errorTitle: 'Innloggingen mislyktes',
    errors: {
      'invalid-credentials': 'Feil brukernavn eller passord.',
      'server-unreachable': (serverUrl: string) => `Får ikke kontakt med serveren ${serverUrl}. Sjekk nettverket og serveradressen, og prøv igjen.`,
      'server-error': 'Serveren svarte med en feil. Prøv igjen om litt.',
      'user-disabled': 'Kontoen er deaktivert. Kontakt systemansvarlig.',
      'too-many-sign-ins': 'For mange mislykkede innlogginger. Vent noen minutter og prøv igjen.',
      other: (message: string) => `Innloggingen mislyktes: ${message}`,
      username: 'Skriv brukernavnet ditt.',
      password: 'Skriv passordet ditt.',
      serverUrl: 'Skriv en gyldig adresse som begynner med http:// eller https://.',
    },
  },
  signedOut: {
    none: '',
    'logged-out': 'Du er logget ut. Dataene dine ligger kryptert på denne maskinen til du logger inn igjen.',
    expired: 'Økten er utløpt. Logg inn igjen for å synkronisere. Endringer du har gjort er ikke tapt.',
    'refresh-reused': 'Økten ble avsluttet fordi innloggingen ble brukt et annet sted. Logg inn igjen.',
    'user-disabled': 'Kontoen er deaktivert. Kontakt systemansvarlig.',
    'device-revoked': 'Denne maskinen er fjernet fra kontoen din, og de lokale dataene er slettet.',
    'unlock-attempts': 'For mange feil passord. Logg inn på nytt.',
  } satisfies Record<SignedOutReason, string>,
  lock: {
    title: 'Saksflyt er låst',
    body: (name: string) => `Saksflyt låses når den ikke har vært i bruk på en stund. Skriv passordet til ${name} for å fortsette.`,
    password: 'Passord',
    unlock: 'Lås opp',
    unlocking: 'Låser opp …',
    wrongPassword: 'Feil passord.',
    failed: (message: string) => `Kunne ikke låse opp: ${message}`,
    offlineTooLong: (days: number | undefined) =>
      `Du har vært frakoblet i mer enn ${days === undefined ? 'den tillatte tiden' : `${days} dager`}. Koble til nettet for å låse opp. Endringene dine er ikke tapt.`,
    signOut: 'Logg ut og logg inn som en annen',
  },
  userMenu: {
    label: 'Innlogget bruker',
    signedInAs: (name: string) => `Innlogget som ${name}`,
    lock: 'Lås',
    logout: 'Logg ut',
  },
  opening: 'Åpner dine saker på denne maskinen …',
  demo: {
    signIn: 'Logg inn på serveren',
  },
};

export type SessionText = typeof nb;

const en: SessionText = {
  login: {
    title: 'Sign in',
    intro: 'Sign in to the Saksflyt server to fetch your cases. They are stored encrypted on this computer, so you can keep working offline.',
    serverUrl: 'Server address',
    serverUrlDescription: 'The central Saksflyt server, for example https://saksflyt.example.no',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in …',
    demo: 'Explore the app with demo data instead (kept on this computer only)',
    errorTitle: 'Sign-in failed',
    errors: {
      'invalid-credentials': 'Wrong username or password.',
      'server-unreachable': (serverUrl: string) => `Cannot reach the server ${serverUrl}. Check the network and the server address, and try again.`,
      'server-error': 'The server answered with an error. Try again in a moment.',
      'user-disabled': 'This account is disabled. Contact your administrator.',
      'too-many-sign-ins': 'Too many failed sign-ins. Wait a few minutes and try again.',
      other: (message: string) => `Sign-in failed: ${message}`,
      username: 'Enter your username.',
      password: 'Enter your password.',
      serverUrl: 'Enter a valid address starting with http:// or https://.',
    },
  },
  signedOut: {
    none: '',
    'logged-out': 'You are signed out. Your data stays encrypted on this computer until you sign in again.',
    expired: 'Your session has expired. Sign in again to sync. Changes you made are not lost.',
    'refresh-reused': 'Your session was ended because the sign-in was used elsewhere. Sign in again.',
    'user-disabled': 'This account is disabled. Contact your administrator.',
    'device-revoked': 'This computer was removed from your account, and its local data was deleted.',
    'unlock-attempts': 'Too many wrong passwords. Sign in again.',
  },
  lock: {
    title: 'Saksflyt is locked',
    body: (name: string) => `Saksflyt locks when it has not been used for a while. Enter the password of ${name} to continue.`,
    password: 'Password',
    unlock: 'Unlock',
    unlocking: 'Unlocking …',
    wrongPassword: 'Wrong password.',
    failed: (message: string) => `Could not unlock: ${message}`,
    offlineTooLong: (days: number | undefined) =>
      `You have been offline for more than ${days === undefined ? 'the allowed time' : `${days} days`}. Connect to the network to unlock. Your changes are not lost.`,
    signOut: 'Sign out and sign in as someone else',
  },
  userMenu: {
    label: 'Signed-in user',
    signedInAs: (name: string) => `Signed in as ${name}`,
    lock: 'Lock',
    logout: 'Sign out',
  },
  opening: 'Opening your cases on this computer …',
  demo: {
    signIn: 'Sign in to the server',
  },
};

export const sessionTexts = { nb, en } as const;

export function useSessionText(): SessionText {
  return sessionTexts[useAppStore((state) => state.language)];
}

import { useAppStore } from '../../app/store';

/** Session codes with their own explanation; `label` is the provider's name. */
export type ExplainedCode =
  | 'oidc-access-denied'
  | 'oidc-unknown-identity'
  | 'oidc-invalid-response'
  | 'oidc-expired'
  | 'oidc-browser-failed'
  | 'user-disabled'
  | 'server-unreachable'
  | 'server-error';
type Explanations = Record<ExplainedCode, (label: string) => string>;

/** Texts of sign-in and unlock through a provider (Feide): Norwegian bokmål (default) and English. */
const nb = {
  /** When the provider's name is not known (the list of providers has not come yet). */
  someProvider: 'innloggingstjenesten',
  or: 'eller',
  signInWith: (label: string) => `Logg inn med ${label}`,
  unlockWith: (label: string) => `Lås opp med ${label}`,
  unlockBody: (name: string, label: string) => `Saksflyt låses når den ikke har vært i bruk på en stund. Lås opp med ${label} som ${name} for å fortsette.`,
  waiting: (label: string) => `Fullfør innloggingen hos ${label} i nettleseren. Saksflyt venter på svar …`,
  cancel: 'Avbryt',
  errors: {
    'oidc-access-denied': (label: string) => `Innloggingen hos ${label} ble avbrutt eller avvist. Prøv igjen.`,
    'oidc-unknown-identity': (label: string) => `Ingen Saksflyt-konto er koblet til ${label}-brukeren din. Kontakt systemansvarlig.`,
    'oidc-invalid-response': () => 'Svaret fra innloggingen kunne ikke godtas. Prøv igjen.',
    'oidc-expired': () => 'Innloggingen ble ikke fullført i tide. Prøv igjen.',
    'oidc-browser-failed': () => 'Nettleseren kunne ikke åpnes for innloggingen. Sjekk at du har en standard nettleser, og prøv igjen.',
    'user-disabled': () => 'Kontoen er deaktivert. Kontakt systemansvarlig.',
    'server-unreachable': () => 'Får ikke kontakt med serveren. Sjekk nettverket og prøv igjen.',
    'server-error': () => 'Serveren svarte med en feil. Prøv igjen om litt.',
  } as Explanations,
  wrongUser: (name: string) => `Du logget inn som en annen bruker enn ${name}. Lås opp som ${name}, eller logg ut.`,
  other: (message: string) => `Innloggingen mislyktes: ${message}`,
};

export type OidcText = typeof nb;

const en: OidcText = {
  someProvider: 'the sign-in service',
  or: 'or',
  signInWith: (label) => `Sign in with ${label}`,
  unlockWith: (label) => `Unlock with ${label}`,
  unlockBody: (name, label) => `Saksflyt locks when it has not been used for a while. Unlock with ${label} as ${name} to continue.`,
  waiting: (label) => `Finish signing in with ${label} in your browser. Saksflyt is waiting for the answer …`,
  cancel: 'Cancel',
  errors: {
    'oidc-access-denied': (label) => `The sign-in with ${label} was cancelled or refused. Try again.`,
    'oidc-unknown-identity': (label) => `No Saksflyt account is linked to your ${label} user. Contact your administrator.`,
    'oidc-invalid-response': () => 'The answer of the sign-in could not be accepted. Try again.',
    'oidc-expired': () => 'The sign-in was not finished in time. Try again.',
    'oidc-browser-failed': () => 'The browser could not be opened for the sign-in. Check that you have a default browser, and try again.',
    'user-disabled': () => 'This account is disabled. Contact your administrator.',
    'server-unreachable': () => 'Cannot reach the server. Check the network and try again.',
    'server-error': () => 'The server answered with an error. Try again in a moment.',
  },
  wrongUser: (name) => `You signed in as another user than ${name}. Unlock as ${name}, or sign out.`,
  other: (message) => `Sign-in failed: ${message}`,
};

export const oidcTexts = { nb, en } as const;

export function useOidcText(): OidcText {
  return oidcTexts[useAppStore((state) => state.language)];
}

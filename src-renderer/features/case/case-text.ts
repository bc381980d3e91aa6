import { useAppStore } from '../../app/store';
import { dictionaries } from '../../i18n/dictionary';

/**
 * Texts of the parts every case type shares (the acting-user switch, the document list with its
 * archive and e-mail states, the workflow diagram, what archiving or e-mailing a step's document did): Norwegian bokmål and English.
 */
const nb = {
  locale: 'nb-NO',
  actingUser: {
    label: 'Handler som (demo)',
    description: 'På lokale demodata velger du hvilken demobruker du handler som. Innlogget handler du som deg selv.',
  },
  documents: {
    heading: 'Dokumenter',
    none: 'Ingen dokumenter ennå.',
    document: 'Dokument',
    signatures: 'Signaturer',
    archive: 'Arkivering',
    actions: 'Vis',
    kinds: dictionaries.nb.documentKinds,
    draft: 'Utkast',
    unsigned: 'Ikke signert',
    signedBy: (name: string, date: string) => `${name}, ${date}`,
    archiveStates: {
      'not-archived': 'Ikke arkivert',
      queued: 'I kø for arkivering',
      archived: 'Arkivert',
      failed: 'Arkivering feilet',
    },
    entry: (target: string, state: string) => `${target}: ${state}`,
    targets: { p360: 'P360', noark5: 'Noark 5-eksport', folder: 'Arkivmappe', email: 'E-post' },
    emailStates: { queued: 'i kø', sending: 'sendes', archived: 'levert til serveren', failed: 'feilet' },
    entryStates: { queued: 'i kø', sending: 'sendes', archived: 'arkivert', failed: 'feilet' },
    retry: (target: string) => `Prøv ${target} igjen`,
    show: 'Vis',
    showNamed: (title: string) => `Vis ${title}`,
    notOnThisLaptop: 'Dokumentet ble laget på en annen maskin og finnes ikke her.',
  },
  workflow: {
    heading: 'Saksgang',
    or: ' eller ',
    currentIs: (status: string) => `Saken står nå på «${status}».`,
    noNextSteps: 'Saken er avsluttet; ingen flere steg.',
    nextAre: (steps: string) => `Mulige neste steg: ${steps}.`,
    step: (event: string, roles: string) => `${event} (${roles})`,
    legend: 'Fylt boks: der saken står nå. Uthevet kant: dit saken kan gå videre. Piler til høyre: hopp, tilbakeføring og avslutning.',
    whoActsNext: 'Hvem gjør hva nå',
    nextStep: (event: string, to: string, roles: string) => `${event} → «${to}»: ${roles}`,
    server: 'sentralserveren',
  },
  archiving: {
    queued: (document: string, targets: string) => `${document} er sendt til arkivering: ${targets}.`,
    failed: (document: string, message: string) => `${document} kunne ikke sendes til arkivering: ${message}`,
  },
  letters: {
    queued: (document: string) => `${document} sendes på e-post fra sentralserveren (i kø på denne maskinen til serveren svarer).`,
    notSent: (document: string) => `${document} sendes ikke på e-post: på lokale demodata er det ingen sentralserver.`,
    failed: (document: string, message: string) => `${document} kunne ikke sendes på e-post: ${message}`,
  },
};
export type CaseText = typeof nb;

const en: CaseText = {
  locale: 'en-GB',
  actingUser: {
    label: 'Acting as (demo)',
    description: 'On local demo data, choose which demo user you act as. Signed in, you act as yourself.',
  },
  documents: {
    heading: 'Documents',
    none: 'No documents yet.',
    document: 'Document',
    signatures: 'Signatures',
    archive: 'Archiving',
    actions: 'Show',
    kinds: dictionaries.en.documentKinds,
    draft: 'Draft',
    unsigned: 'Not signed',
    signedBy: (name: string, date: string) => `${name}, ${date}`,
    archiveStates: {
      'not-archived': 'Not archived',
      queued: 'Queued for archiving',
      archived: 'Archived',
      failed: 'Archiving failed',
    },
    entry: (target: string, state: string) => `${target}: ${state}`,
    targets: { p360: 'P360', noark5: 'Noark 5 export', folder: 'Archive folder', email: 'E-mail' },
    emailStates: { queued: 'queued', sending: 'sending', archived: 'handed to the server', failed: 'failed' },
    entryStates: { queued: 'queued', sending: 'sending', archived: 'archived', failed: 'failed' },
    retry: (target: string) => `Try ${target} again`,
    show: 'Show',
    showNamed: (title: string) => `Show ${title}`,
    notOnThisLaptop: 'The document was made on another laptop and is not stored here.',
  },
  workflow: {
    heading: 'Case process',
    or: ' or ',
    currentIs: (status: string) => `The case is now at “${status}”.`,
    noNextSteps: 'The case is closed; there are no further steps.',
    nextAre: (steps: string) => `Possible next steps: ${steps}.`,
    step: (event: string, roles: string) => `${event} (${roles})`,
    legend: 'Filled box: where the case is now. Bold outline: where it can go next. Arrows on the right: skips, returns and closures.',
    whoActsNext: 'Who acts next',
    nextStep: (event: string, to: string, roles: string) => `${event} → “${to}”: ${roles}`,
    server: 'the central server',
  },
  archiving: {
    queued: (document: string, targets: string) => `${document} is sent for archiving: ${targets}.`,
    failed: (document: string, message: string) => `${document} could not be sent for archiving: ${message}`,
  },
  letters: {
    queued: (document: string) => `${document} is e-mailed by the central server (queued on this laptop until the server answers).`,
    notSent: (document: string) => `${document} is not e-mailed: local demo data has no central server.`,
    failed: (document: string, message: string) => `${document} could not be e-mailed: ${message}`,
  },
};

export const caseTexts = { nb, en } as const;

export function useCaseText(): CaseText {
  return caseTexts[useAppStore((state) => state.language)];
}

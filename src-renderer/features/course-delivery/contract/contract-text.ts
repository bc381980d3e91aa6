import { useAppStore } from '../../../app/store';

/** The course contract panel's texts: Norwegian bokmål (default) and English. Step labels come from the shared workflow. */
const nb = {
  locale: 'nb-NO',
  heading: 'Kontrakt med undervisningsressursen',
  notSent: 'Kontrakten er ikke sendt ennå.',
  sent: (date: string) => `Sendt til undervisningsressursen ${date}.`,
  signed: (name: string, date: string) => `Signert av ${name} ${date}.`,
  archived: (date: string) => `Kontrasignert og arkivert ${date}.`,
  archiveReference: (reference: string) => `Arkivreferanse: ${reference}.`,
  waitingForSignature: (name: string) => `Venter på at ${name} signerer kontrakten.`,
  waitingForCountersignature: 'Venter på at avdelingsleder kontrasignerer og arkiverer kontrakten.',
  loading: 'Henter kurs- og personopplysninger …',
  preview: 'Forhåndsvis kontrakten',
  previewTitle: 'Forhåndsvisning av kontrakten',
  previewNote: 'Forhåndsvisning: slik blir kontrakten. Den er ikke signert.',
  showSigned: 'Vis den signerte kontrakten',
  signedTitle: 'Den signerte kontrakten',
  signedNote: 'Kontrakten slik den er lagret på denne maskinen, med signaturene.',
  hide: 'Skjul kontrakten',
  send: {
    heading: 'Lag og send kontrakten',
    description: (name: string) => `Kontrakten lages av kursets opplysninger og sendes til ${name} for signering innen 14 dager.`,
    button: 'Lag og send kontrakten',
  },
  sign: {
    heading: (name: string) => `${name} signerer kontrakten`,
    onScreen: 'Signer på skjermen',
    certificate: 'Signer med eget sertifikat (PAdES)',
    methodLegend: 'Hvordan vil du signere?',
    certificateNote: 'Kontrakten signeres digitalt med sertifikatet ditt på denne maskinen.',
    button: 'Signer kontrakten',
  },
  countersign: {
    heading: 'Kontrasigner og arkiver',
    description: 'Kontrakten signeres digitalt (PAdES) med avdelingsleders nøkkel og sendes til arkivet, arkivert i kursets egen saksmappe.',
    button: 'Kontrasigner og arkiver',
  },
  notOnServer: 'Den signerte kontrakten er ikke på serveren ennå. Prøv igjen når undervisningsressursens maskin har vært tilkoblet.',
  outcome: {
    working: 'Utfører steget …',
    done: (step: string) => `Utført: ${step}.`,
    document: (title: string) => `Dokument lagret: ${title}.`,
    signatureRequested: 'Undervisningsressursen er bedt om å signere kontrakten.',
    archiveQueued: (targets: string) => `Kontrakten er sendt til arkivering: ${targets}.`,
    archiveFailed: (message: string) => `Kontrakten ble ikke sendt til arkivet: ${message}`,
    taskCreated: (title: string) => `Oppgave opprettet: ${title}.`,
    folderClosing: 'Saksmappen lukkes i arkivet.',
    folderClosingFailed: (message: string) => `Saksmappen ble ikke lukket i arkivet: ${message}`,
    noticeByServer: 'Varsel sendes av serveren når endringen er synkronisert.',
    noticeNotSent: 'Varsel sendes ikke: du er ikke logget inn på en server.',
    integration: 'Integrasjonen kjøres av serveren når endringen er synkronisert.',
    notForContract: (command: string) => `Steget ga en kommando kontrakten ikke bruker (${command}).`,
  },
};

export type ContractText = typeof nb;

const en: ContractText = {
  locale: 'en-GB',
  heading: 'Contract with the teaching resource',
  notSent: 'The contract has not been sent yet.',
  sent: (date) => `Sent to the teaching resource on ${date}.`,
  signed: (name, date) => `Signed by ${name} on ${date}.`,
  archived: (date) => `Countersigned and archived on ${date}.`,
  archiveReference: (reference) => `Archive reference: ${reference}.`,
  waitingForSignature: (name) => `Waiting for ${name} to sign the contract.`,
  waitingForCountersignature: 'Waiting for the head of department to countersign and archive the contract.',
  loading: 'Loading course and staff details …',
  preview: 'Preview the contract',
  previewTitle: 'Preview of the contract',
  previewNote: 'Preview: this is how the contract will look. It is not signed.',
  showSigned: 'Show the signed contract',
  signedTitle: 'The signed contract',
  signedNote: 'The contract as kept on this computer, with its signatures.',
  hide: 'Hide the contract',
  send: {
    heading: 'Make and send the contract',
    description: (name) => `The contract is made from the course details and sent to ${name} to sign within 14 days.`,
    button: 'Make and send the contract',
  },
  sign: {
    heading: (name) => `${name} signs the contract`,
    onScreen: 'Sign on the screen',
    certificate: 'Sign with my own certificate (PAdES)',
    methodLegend: 'How do you want to sign?',
    certificateNote: 'The contract is signed digitally with your certificate on this computer.',
    button: 'Sign the contract',
  },
  countersign: {
    heading: 'Countersign and archive',
    description: 'The contract is signed digitally (PAdES) with the head of department’s key and sent to the archive, filed in the course’s own case folder.',
    button: 'Countersign and archive',
  },
  notOnServer: "The signed contract is not on the server yet. Try again once the teaching resource's computer has been online.",
  outcome: {
    working: 'Taking the step …',
    done: (step) => `Done: ${step}.`,
    document: (title) => `Document saved: ${title}.`,
    signatureRequested: 'The teaching resource is asked to sign the contract.',
    archiveQueued: (targets) => `The contract is sent for archiving: ${targets}.`,
    archiveFailed: (message) => `The contract was not sent to the archive: ${message}`,
    taskCreated: (title) => `Task created: ${title}.`,
    folderClosing: 'The case folder is being closed in the archive.',
    folderClosingFailed: (message) => `The case folder was not closed in the archive: ${message}`,
    noticeByServer: 'The notice is sent by the server once the change has synced.',
    noticeNotSent: 'No notice is sent: you are not signed in to a server.',
    integration: 'The integration runs on the server once the change has synced.',
    notForContract: (command) => `The step gave a command the contract does not use (${command}).`,
  },
};

export const contractTexts = { nb, en } as const;

export function useContractText(): ContractText {
  return contractTexts[useAppStore((state) => state.language)];
}

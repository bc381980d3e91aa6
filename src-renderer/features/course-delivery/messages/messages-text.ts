import type { CourseMessageKind, MessagePlaceholder } from '../../../../src-shared/domain/course-delivery/messages/course-messages';
import { useAppStore } from '../../../app/store';

/** The messages panel's texts: Norwegian bokmål (default) and English. */
const nb = {
  heading: 'E-poster til deltakerne',
  intro: 'Velkomstbrevet sendes når deltakerne tas opp i Canvas, invitasjonen til evalueringen ved nest siste samling.',
  kinds: { welcome: 'Velkomstbrev', evaluation: 'Invitasjon til evaluering' } satisfies Record<CourseMessageKind, string>,
  changed: (at: string) => `Sist endret ${at}.`,
  defaultText: 'Standardteksten brukes.',
  subject: 'Emne',
  body: 'Tekst',
  placeholders: 'Plassholdere',
  placeholdersDescription: 'Skriv dem med klammeparenteser; de fylles inn for hver deltaker.',
  placeholderNames: {
    navn: 'deltakerens navn',
    kurs: 'kursets navn',
    kurskode: 'kurskoden',
    start: 'første kursdag',
    slutt: 'siste kursdag',
    canvas: 'Canvas-emnet',
    videorom: 'videorommet',
    evalueringslenke: 'lenken til evalueringen',
  } satisfies Record<MessagePlaceholder, string>,
  preview: 'Forhåndsvisning',
  previewFor: (name: string) => `Slik ser e-posten ut for ${name}. Det som ennå ikke er kjent, står som plassholder.`,
  exampleName: 'Kari Nordmann',
  save: 'Lagre teksten',
  saved: (kind: string) => `${kind} er lagret.`,
  reset: 'Tilbakestill til standardteksten',
  resetDone: 'Standardteksten er satt inn. Lagre for å bruke den.',
  readOnly: 'Bare instituttleder endrer tekstene.',
  errors: {
    empty: 'Skriv en tekst.',
    tooLong: 'Teksten er for lang.',
    unknown: (names: string) => `Ukjent plassholder: ${names}. Bruk bare plassholderne i listen.`,
  },
  saveFailed: (message: string) => `Ikke lagret: ${message}`,
};

export type MessagesText = typeof nb;

const en: MessagesText = {
  heading: 'E-mails to the participants',
  intro: 'The welcome letter is sent when the participants are enrolled in the LMS, the evaluation invitation at the next-to-last session.',
  kinds: { welcome: 'Welcome letter', evaluation: 'Evaluation invitation' },
  changed: (at) => `Last changed ${at}.`,
  defaultText: 'The default text is used.',
  subject: 'Subject',
  body: 'Text',
  placeholders: 'Placeholders',
  placeholdersDescription: 'Write them in braces; they are filled in for each participant.',
  placeholderNames: {
    navn: 'the participant’s name',
    kurs: 'the course’s name',
    kurskode: 'the course code',
    start: 'the first day',
    slutt: 'the last day',
    canvas: 'the LMS course',
    videorom: 'the video room',
    evalueringslenke: 'the link to the evaluation',
  },
  preview: 'Preview',
  previewFor: (name) => `The e-mail as ${name} gets it. What is not known yet shows as its placeholder.`,
  exampleName: 'Kari Nordmann',
  save: 'Save the text',
  saved: (kind) => `${kind} saved.`,
  reset: 'Reset to the default text',
  resetDone: 'The default text is filled in. Save to use it.',
  readOnly: 'Only the head of department changes the texts.',
  errors: {
    empty: 'Write a text.',
    tooLong: 'The text is too long.',
    unknown: (names) => `Unknown placeholder: ${names}. Use only the placeholders listed.`,
  },
  saveFailed: (message) => `Not saved: ${message}`,
};

export const messagesTexts = { nb, en } as const;

export function useMessagesText(): MessagesText {
  return messagesTexts[useAppStore((state) => state.language)];
}

import { useAppStore } from '../../../app/store';
import type { FieldProblem } from './field-problem';
import type { InputStep } from './step-inputs';

interface FieldText {
  label: string;
  description?: string;
}

/** The step forms' texts: Norwegian bokmål (default) and English; the steps' own names come from the shared workflow. */
const nb = {
  open: (step: string) => `${step} …`,
  fields: {
    publish: {
      url: { label: 'Adressen til landingssiden', description: 'Kursets side på nettstedet, med kursplanen.' },
      registrationUrl: {
        label: 'Påmeldingsadresse',
        description: 'Kursets påmeldingsside i portalen, utfylt når du er logget inn mot serveren. Endre den bare om påmeldingen skjer et annet sted.',
      },
    },
    prepareLms: {
      videoRoomUrl: { label: 'Adressen til videorommet' },
      canvasCourseId: { label: 'Canvas-emnets id (valgfritt)', description: 'La feltet stå tomt, så oppretter serveren Canvas-emnet.' },
    },
    enrol: { participants: { label: 'Antall deltakere' } },
    sendEvaluation: {
      link: { label: 'Lenke til evalueringen', description: 'Serveren legger lenken ut i Canvas og sender den på e-post til deltakerne.' },
    },
    evaluate: {
      responseRate: { label: 'Svarprosent', description: 'Andelen deltakere som svarte, 0–100.' },
      findings: { label: 'Funn', description: 'Det viktigste fra evalueringen. Avdelingslederen får det.' },
    },
    grade: {
      submissionDeadline: { label: 'Innleveringsfrist for oppgaven' },
      passed: { label: 'Bestått' },
      failed: { label: 'Ikke bestått' },
    },
    cancel: {
      reason: { label: 'Hvorfor kurset avlyses', description: 'Konsulenten og undervisningsressursen får beskjed.' },
      confirmed: { label: 'Jeg bekrefter at kurset avlyses. Det kan ikke angres.' },
    },
  } satisfies { [T in InputStep]: Record<string, FieldText> },
  enrolFromRegistrations: (admitted: number) => `${admitted} tatt opp fra påmeldingene. Antallet følger avdelingslederens vedtak.`,
  gradeFromResults: 'Tallene følger de registrerte resultatene; sensuren må stemme med dem.',
  problem: (problem: FieldProblem, field: string): string => {
    switch (problem.code) {
      case 'required':
        return `Fyll inn ${field.toLowerCase()}.`;
      case 'url':
        return `${field} må være en fullstendig adresse som begynner med https://.`;
      case 'date':
        return `${field} må være en dato.`;
      case 'wholeNumber':
        return `${field} må være et helt tall.`;
      case 'min':
        return `${field} må være minst ${problem.min}.`;
      case 'max':
        return `${field} kan være høyst ${problem.max}.`;
      case 'tooLong':
        return `${field} kan ha høyst ${problem.max} tegn.`;
      case 'confirm':
        return 'Kryss av for å bekrefte.';
      case 'invalid':
        return `${field} er ikke gyldig.`;
    }
  },
};

export type StepsText = typeof nb;

const en: StepsText = {
  open: (step: string) => `${step} …`,
  fields: {
    publish: {
      url: { label: 'Landing page address', description: "The course's page on the website, with the session plan." },
      registrationUrl: {
        label: 'Registration address',
        description:
          "The course's registration page on the portal, filled in when you are signed in to the server. Change it only if registration happens elsewhere.",
      },
    },
    prepareLms: {
      videoRoomUrl: { label: 'Video room address' },
      canvasCourseId: { label: 'Canvas course id (optional)', description: 'Leave it empty and the server creates the Canvas course.' },
    },
    enrol: { participants: { label: 'Number of participants' } },
    sendEvaluation: {
      link: { label: 'Link to the evaluation', description: 'The server posts the link in Canvas and e-mails it to the participants.' },
    },
    evaluate: {
      responseRate: { label: 'Response rate', description: 'The share of participants who answered, 0–100.' },
      findings: { label: 'Findings', description: 'The main points of the evaluation. The head of department gets them.' },
    },
    grade: {
      submissionDeadline: { label: 'Submission deadline of the assignment' },
      passed: { label: 'Passed' },
      failed: { label: 'Failed' },
    },
    cancel: {
      reason: { label: 'Why the course is cancelled', description: 'The consultant and the teaching resource are told.' },
      confirmed: { label: 'I confirm the course is cancelled. This cannot be undone.' },
    },
  },
  enrolFromRegistrations: (admitted: number) => `${admitted} admitted from the registrations. The number follows the head of department's decisions.`,
  gradeFromResults: 'The numbers follow the recorded results; the grading must agree with them.',
  problem: (problem: FieldProblem, field: string): string => {
    switch (problem.code) {
      case 'required':
        return `Enter the ${field.toLowerCase()}.`;
      case 'url':
        return `${field} must be a full address starting with https://.`;
      case 'date':
        return `${field} must be a date.`;
      case 'wholeNumber':
        return `${field} must be a whole number.`;
      case 'min':
        return `${field} must be at least ${problem.min}.`;
      case 'max':
        return `${field} can be at most ${problem.max}.`;
      case 'tooLong':
        return `${field} can have at most ${problem.max} characters.`;
      case 'confirm':
        return 'Tick the box to confirm.';
      case 'invalid':
        return `${field} is not valid.`;
    }
  },
};

export const stepsTexts = { nb, en } as const;

export function useStepsText(): StepsText {
  return stepsTexts[useAppStore((state) => state.language)];
}

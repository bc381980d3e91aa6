import type { InvoicingColumn } from '../../../../src-shared/domain/course-delivery/participants/invoicing-basis';
import { useAppStore } from '../../../app/store';

/** The participants panel's texts: Norwegian bokmål (default) and English. Status and field labels come from the shared domain. */
const nb = {
  heading: 'Påmelding og deltakere',
  setup: {
    heading: 'Oppsett av påmeldingen',
    none: 'Påmeldingen er ikke satt opp ennå.',
    summary: (capacity: number, deadline: string) => `${capacity} plasser, påmeldingsfrist ${deadline}.`,
    capacity: 'Antall plasser',
    deadline: 'Påmeldingsfrist',
    fields: 'Dette spør påmeldingen om',
    fieldsDescription: 'Navn, fødselsdato og e-post spørres det alltid om. Fakturagrunnlaget trenger arbeidsgiver og fakturaadresse.',
    save: 'Lagre oppsettet',
    saved: 'Oppsettet av påmeldingen er lagret.',
    readOnly: 'Bare instituttleder og driftskonsulent kan endre oppsettet.',
    link: 'Lenke til påmeldingen',
    linkPathOnly: 'Stien på serverens offentlige adresse (serveradressen er ikke kjent her, i demomodus).',
    landingPage: 'Landingssiden med påmeldingen',
    errors: {
      capacity: 'Skriv et helt tall fra 1 til 1000.',
      belowAdmitted: (admitted: number) => `Kurset har alt tatt opp ${admitted}; færre plasser enn det går ikke.`,
      deadline: 'Velg en dato.',
    },
  },
  table: {
    heading: 'Påmeldte',
    caption: 'Påmeldte til kurset',
    none: 'Ingen har meldt seg på ennå.',
    notYours: 'Bare instituttleder behandler påmeldingene.',
    select: 'Velg',
    selectAll: 'Velg alle',
    selectOne: (name: string) => `Velg ${name}`,
    name: 'Navn',
    email: 'E-post',
    employer: 'Arbeidsgiver',
    registeredAt: 'Påmeldt',
    status: 'Status',
    reasonShown: (reason: string) => `Begrunnelse: ${reason}`,
  },
  places: {
    bar: (admitted: number, capacity: number, left: number) => `${admitted} av ${capacity} plasser tatt, ${left} ledige`,
    over: 'Overbooket',
  },
  bulk: {
    heading: 'Behandle valgte',
    selected: (count: number) => (count === 1 ? '1 valgt' : `${count} valgt`),
    reason: 'Begrunnelse (valgfri)',
    reasonDescription: 'Gjelder alle de valgte og står i beskjeden til dem.',
    admit: 'Ta opp valgte',
    waitlist: 'Sett valgte på venteliste',
    reject: 'Avslå valgte',
    done: (count: number, status: string) =>
      `${count} ${count === 1 ? 'påmelding' : 'påmeldinger'} satt til «${status}». Deltakerne får beskjed når endringen er synkronisert.`,
    refused: {
      noSetup: 'Sett opp påmeldingen (antall plasser) før du tar opp deltakere.',
      overCapacity: (admitted: number, capacity: number) =>
        `Ikke lagret: da ville ${admitted} være tatt opp, men kurset har bare ${capacity} plasser. Velg færre, eller sett noen på venteliste.`,
      other: (message: string) => `Ikke lagret: ${message}`,
    },
  },
  invoicing: {
    heading: 'Fakturagrunnlag',
    description: (count: number) => `De ${count} som er tatt opp, med det fakturering trenger.`,
    none: 'Ingen er tatt opp ennå.',
    download: 'Last ned fakturagrunnlag (CSV)',
    columns: {
      name: 'Navn',
      email: 'E-post',
      phone: 'Telefon',
      employer: 'Arbeidsgiver',
      invoiceName: 'Fakturamottaker',
      organisationNumber: 'Organisasjonsnummer',
      address: 'Fakturaadresse',
      reference: 'Referanse',
      courseCode: 'Kurskode',
      priceNok: 'Pris (kr)',
    } satisfies Record<InvoicingColumn, string>,
  },
  saveFailed: (message: string) => `Ikke lagret: ${message}`,
};

export type ParticipantsText = typeof nb;

const en: ParticipantsText = {
  heading: 'Registration and participants',
  setup: {
    heading: 'Registration set-up',
    none: 'The registration is not set up yet.',
    summary: (capacity, deadline) => `${capacity} places, registration deadline ${deadline}.`,
    capacity: 'Number of places',
    deadline: 'Registration deadline',
    fields: 'The registration asks for',
    fieldsDescription: 'Name, birth date and e-mail are always asked for. The invoicing basis needs the employer and the invoice address.',
    save: 'Save the set-up',
    saved: 'The registration set-up is saved.',
    readOnly: 'Only the head of department and the operations consultant may change the set-up.',
    link: 'Link to the registration',
    linkPathOnly: 'The path on the server’s public address (the server’s address is not known here, in demo mode).',
    landingPage: 'The landing page with the registration',
    errors: {
      capacity: 'Enter a whole number from 1 to 1000.',
      belowAdmitted: (admitted) => `The course has already admitted ${admitted}; it cannot have fewer places.`,
      deadline: 'Choose a date.',
    },
  },
  table: {
    heading: 'Registrations',
    caption: 'Registrations for the course',
    none: 'Nobody has registered yet.',
    notYours: 'Only the head of department handles the registrations.',
    select: 'Select',
    selectAll: 'Select all',
    selectOne: (name) => `Select ${name}`,
    name: 'Name',
    email: 'E-mail',
    employer: 'Employer',
    registeredAt: 'Registered',
    status: 'Status',
    reasonShown: (reason) => `Reason: ${reason}`,
  },
  places: {
    bar: (admitted, capacity, left) => `${admitted} of ${capacity} places taken, ${left} left`,
    over: 'Overbooked',
  },
  bulk: {
    heading: 'Handle the selected',
    selected: (count) => `${count} selected`,
    reason: 'Reason (optional)',
    reasonDescription: 'Applies to all selected and is in the message they get.',
    admit: 'Admit selected',
    waitlist: 'Waitlist selected',
    reject: 'Reject selected',
    done: (count, status) =>
      `${count} ${count === 1 ? 'registration' : 'registrations'} set to “${status}”. The participants are told once the change has synced.`,
    refused: {
      noSetup: 'Set up the registration (the number of places) before admitting participants.',
      overCapacity: (admitted, capacity) =>
        `Not saved: ${admitted} would be admitted, but the course has only ${capacity} places. Choose fewer, or waitlist some.`,
      other: (message) => `Not saved: ${message}`,
    },
  },
  invoicing: {
    heading: 'Invoicing basis',
    description: (count) => `The ${count} admitted, with what invoicing needs.`,
    none: 'Nobody is admitted yet.',
    download: 'Download invoicing basis (CSV)',
    columns: {
      name: 'Name',
      email: 'E-mail',
      phone: 'Phone',
      employer: 'Employer',
      invoiceName: 'Invoice recipient',
      organisationNumber: 'Organisation number',
      address: 'Invoice address',
      reference: 'Reference',
      courseCode: 'Course code',
      priceNok: 'Price (NOK)',
    },
  },
  saveFailed: (message) => `Not saved: ${message}`,
};

export const participantsTexts = { nb, en } as const;

export function useParticipantsText(): ParticipantsText {
  return participantsTexts[useAppStore((state) => state.language)];
}

import { useAppStore } from '../../../app/store';

/** The course certificates panel's texts: Norwegian bokmål (default) and English. */
const nb = {
  heading: 'Kursbevis',
  text: {
    heading: 'Tekst på kursbeviset',
    label: 'Kompetansen kurset gir',
    description: (max: number) => `Skrives av avdelingsleder og står på hvert kursbevis. Høyst ${max} tegn.`,
    required: 'Skriv teksten på kursbeviset.',
    tooLong: (max: number) => `Teksten kan være høyst ${max} tegn.`,
    save: 'Lagre teksten på kursbeviset',
    saved: 'Teksten er lagret.',
    none: 'Avdelingsleder har ikke skrevet teksten på kursbeviset ennå.',
    written: (date: string) => `Skrevet ${date}.`,
    saveFailed: (reason: string) => `Teksten ble ikke lagret: ${reason}`,
  },
  issueHeading: 'Utsending',
  passList: (passed: number, admitted: number) => `${passed} av ${admitted} deltakere har bestått og får kursbevis.`,
  noResults: 'Resultatene er ikke registrert ennå.',
  missing: (count: number) => `${count} deltakere mangler resultat.`,
  notYet: 'Kursbevis kan sendes når kurset er vurdert.',
  sent: (count: number, date: string) => `${count} kursbevis sendt ${date}.`,
  issue: (count: number) => `Lag og send kursbevis (${count})`,
  issueDescription: 'Hvert kursbevis lages som PDF/A, forsegles med virksomhetens segl, lagres og sendes på e-post til deltakerens registrerte adresse.',
  progressLabel: 'Kursbevis laget og sendt',
  progress: (done: number, total: number) => `${done} av ${total}`,
  resumed: (count: number) => `${count} var allerede sendt før avbruddet; de sendes ikke på nytt.`,
  finished: (total: number) => `Alle ${total} kursbevis er laget og sendt til e-postkøen.`,
  failed: (reason: string) => `Utsendingen stoppet: ${reason}`,
  retry: 'Prøv igjen',
  needsParts: 'Henter avdelingsleder og institusjon …',
  noHead: 'Fant ingen avdelingsleder for kurset; kursbeviset må ha en utsteder.',
  stepTaken: 'Kurset er satt til «Kursbevis sendt».',
  stepFailed: (reason: string) => `Steget «Send kursbevis» ble ikke tatt: ${reason}`,
};
type CertificatesText = typeof nb;

const en: CertificatesText = {
  heading: 'Course certificates',
  text: {
    heading: 'Text on the certificate',
    label: 'The competence the course gives',
    description: (max) => `Written by the head of department; printed on every certificate. At most ${max} characters.`,
    required: 'Write the certificate text.',
    tooLong: (max) => `The text can be at most ${max} characters.`,
    save: 'Save the certificate text',
    saved: 'The text is saved.',
    none: 'The head of department has not written the certificate text yet.',
    written: (date) => `Written ${date}.`,
    saveFailed: (reason) => `The text was not saved: ${reason}`,
  },
  issueHeading: 'Sending',
  passList: (passed, admitted) => `${passed} of ${admitted} participants passed and get a certificate.`,
  noResults: 'The results have not been recorded yet.',
  missing: (count) => `${count} participants have no result.`,
  notYet: 'Certificates can be sent once the course is graded.',
  sent: (count, date) => `${count} certificates sent ${date}.`,
  issue: (count) => `Make and send certificates (${count})`,
  issueDescription: 'Each certificate is made as PDF/A, sealed with the institution’s seal, kept and e-mailed to the participant’s registered address.',
  progressLabel: 'Certificates made and sent',
  progress: (done, total) => `${done} of ${total}`,
  resumed: (count) => `${count} had already been sent before the interruption; they are not sent again.`,
  finished: (total) => `All ${total} certificates are made and handed to the e-mail queue.`,
  failed: (reason) => `Sending stopped: ${reason}`,
  retry: 'Try again',
  needsParts: 'Looking up the head of department and the institution …',
  noHead: 'No head of department found for the course; a certificate needs an issuer.',
  stepTaken: 'The course is now “Certificates sent”.',
  stepFailed: (reason) => `The step “Issue course certificates” was not taken: ${reason}`,
};

export const certificatesTexts = { nb, en } as const;

export function useCertificatesText(): CertificatesText {
  return certificatesTexts[useAppStore((state) => state.language)];
}

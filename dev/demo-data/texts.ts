import type { ConcernKind, DecisionOutcome } from '../../src-shared/domain/follow-up/follow-up.schema';
import type { Course } from './organisation';
import type { Rng } from './prng';

/** Norwegian texts for the demo data, varied by picking among a few phrasings. */

export function concernDescription(rng: Rng, kind: ConcernKind, course: Course, first: string): string {
  const options: Record<ConcernKind, readonly string[]> = {
    subjectDifficulties: [
      `${first} strever med sentrale tema i ${course.name} og fikk ikke til oppgavene i siste seminar.`,
      `Tydelige faglige vansker i ${course.code}; ${first} har bedt om hjelp flere ganger, men henger etter.`,
    ],
    missingParticipation: [
      `${first} har ikke møtt i obligatorisk undervisning i ${course.code} de siste tre ukene.`,
      `Fravær fra seminarer og ferdighetstrening i ${course.name} over grensen på 20 prosent.`,
    ],
    lowProgression: [
      `Lav progresjon i ${course.code}: ${first} har levert under halvparten av ukeoppgavene.`,
      `${first} ligger langt bak studieplanen i ${course.name} og har ikke startet på gruppeoppgaven.`,
    ],
    courseworkNotPassed: [
      `Arbeidskrav 2 i ${course.code} er ikke godkjent, og ny innlevering er ikke levert.`,
      `${first} har ikke bestått obligatorisk arbeidskrav i ${course.name} og står i fare for ikke å få gå opp til eksamen.`,
    ],
  };
  return rng.pick(options[kind]);
}

export function summonsReason(rng: Rng, course: Course): string {
  return rng.pick([
    `Oppfølging av fravær og arbeidskrav i ${course.code} ${course.name}.`,
    `Samtale om studieprogresjon og videre plan i ${course.name}.`,
    `Du innkalles til samtale fordi du står i fare for ikke å få godkjent obligatoriske arbeidskrav i ${course.code}.`,
  ]);
}

export function conversationNote(rng: Rng, first: string, course: Course): string {
  return rng.pick([
    `Samtale gjennomført. ${first} forteller om en krevende høst med deltidsjobb og lite tid til studier. Vi gikk gjennom fraværet i ${course.code} og hvilke arbeidskrav som gjenstår.`,
    `${first} møtte til samtale og er motivert for å fullføre. Utfordringene gjelder særlig ${course.name}; ${first} ønsker å bruke faglærers veiledningstimer.`,
    `Samtalen handlet om helse og studiesituasjon. ${first} har ikke søkt tilrettelegging, og fikk informasjon om studentrådgiver og mulighetene for redusert studieprogresjon.`,
  ]);
}

export function agreedMeasure(rng: Rng, course: Course): string {
  return rng.pick([
    `Levere arbeidskrav i ${course.code} på nytt innen fristen`,
    `Møte til ukentlig veiledning hos faglærer i ${course.code}`,
    `Avtale time hos studentrådgiver og melde tilbake til kullkoordinator`,
    `Følge all obligatorisk undervisning i ${course.name} resten av semesteret`,
  ]);
}

export function protocolSummary(first: string, course: Course): string {
  return `${first} og kullkoordinator har gått gjennom fravær, arbeidskrav og progresjon i ${course.code} ${course.name}. Partene er enige om tiltakene som er ført opp i protokollen.`;
}

export const decisionLegalBasis: Record<DecisionOutcome, string> = {
  lossOfStudyRight: 'Forskrift om studier og eksamen ved Høgskolen i Fjordheim § 4-5 (bortfall av studierett)',
  continuationWithConditions: 'Forskrift om studier og eksamen ved Høgskolen i Fjordheim § 4-3 (krav til studieprogresjon)',
  revisedEducationPlan: 'Forskrift om studier og eksamen ved Høgskolen i Fjordheim § 4-2 (utdanningsplan)',
};

export function decisionFacts(first: string, course: Course): string {
  return `${first} har hatt høyt fravær og mangler godkjente arbeidskrav i ${course.code} ${course.name}. Det er gjennomført oppfølgingssamtale, og protokollen er signert av begge parter.`;
}

export const decisionConsiderations: Record<DecisionOutcome, string> = {
  lossOfStudyRight:
    'Studenten har over to semestre ikke oppfylt kravene til progresjon, og avtalte tiltak er ikke fulgt opp. Hensynet til studentens rett til å fullføre er vurdert opp mot kravene i studieplanen.',
  continuationWithConditions:
    'Studenten har vist vilje til å følge opp, og avdelingen mener progresjonen kan tas igjen innen neste semester på de vilkårene som er satt.',
  revisedEducationPlan: 'Studentens situasjon tilsier redusert studieprogresjon. En revidert utdanningsplan gir realistisk mulighet til å fullføre graden.',
};

export function closureReason(rng: Rng): string {
  return rng.pick([
    'Studenten har levert manglende arbeidskrav og følger undervisningen. Ingen videre oppfølging nødvendig.',
    'Avdelingsleder vurderer oppfølgingen som tilstrekkelig; det er ikke grunnlag for vedtak.',
    'Studenten har søkt og fått innvilget permisjon. Saken avsluttes uten vedtak.',
  ]);
}

export const noteTexts = {
  followUp: [
    'Sjekket status for arbeidskrav i Canvas: to av fire godkjent.',
    'Snakket med faglærer om fraværet; faglærer bekrefter bildet fra meldingen.',
    'Studenten tok selv kontakt på e-post og ba om å flytte samtalen en dag.',
    'Oversikt over totalfravær oppdatert etter siste uke.',
    'Studentrådgiver er orientert etter samtykke fra studenten.',
  ],
  approval: [
    'Søknaden gjelder emner tatt ved tidligere lærested; vitnemål ligger ved.',
    'Kontrollert at emnene ikke overlapper med obligatoriske emner i studieplanen.',
    'Studenten har samtykket til resultatutveksling i Studentweb.',
    'Faglig vurdering innhentet fra emneansvarlig.',
  ],
  nomination: [
    'Nominasjonen er mottatt via EWP og kontrollert mot avtalen.',
    'Språkkrav dokumentert med IELTS 6,5.',
    'Søkeren har rangert to emnepakker; første ønske har ledig kapasitet.',
    'Partneren har bekreftet finansiering for oppholdet.',
  ],
  placement: [
    'Praksisstedet har bekreftet at kravet om engelsk er oppfylt for alle veiledere.',
    'Avklart med praksisstedet at klasse B starter en uke senere.',
    'Ny veileder lagt inn etter avtale med praksiskoordinator ved høgskolen.',
    'Studentene har fått informasjon om taushetserklæring og politiattest.',
  ],
  courseDelivery: [
    'Samlingsplan mottatt fra avdelingsleder og lagt ut på landingssiden.',
    'Påmeldingen er åpnet; 14 påmeldte første uke.',
    'Undervisningsressursen har gjennomført opplæring i Canvas og Zoom.',
    'Faktura fra undervisningsressursen mottatt i EHF og sendt til godkjenning i Exledger.',
    'Evalueringslenke sendt i Canvas før nest siste samling.',
  ],
} as const;

export function applicationDescription(rng: Rng): string {
  return rng.pick([
    'Søknad om godkjenning av emner fra tidligere bachelorstudium som del av graden.',
    'Søknad om innpassing av 30 studiepoeng fra årsstudium i pedagogikk.',
    'Søknad om fritak for emner på grunnlag av tidligere høyere utdanning.',
  ]);
}

export function approvalGrounds(outcome: 'approved' | 'partlyApproved' | 'rejected'): string {
  return {
    approved: 'Emnene er faglig likeverdige med emnene i studieplanen og godkjennes i sin helhet.',
    partlyApproved: 'Deler av emnene dekker læringsutbyttet i studieplanen; resten godkjennes som valgemner.',
    rejected: 'Emnene dekker ikke læringsutbyttet i de aktuelle emnene i studieplanen.',
  }[outcome];
}

export function evaluationFindings(rng: Rng): string {
  return rng.pick([
    'Deltakerne er svært fornøyde med faglig innhold; flere ønsker mer tid til gruppearbeid.',
    'God vurdering av foreleser. Lydkvaliteten i Zoom var dårlig på to samlinger.',
    'Deltakerne savner tydeligere informasjon om den skriftlige oppgaven tidlig i kurset.',
  ]);
}

export const certificateText = 'Kursdeltakeren har gjennomført kurset og bestått skriftlig oppgave. Kurset tilsvarer omfanget oppgitt på kursbeviset.';

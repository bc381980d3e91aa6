/**
 * The seed's flowchart (seed 000) as data: every step of a further-education course before (blue),
 * during (yellow) and after (green) it, with its owner, its deadline relative to the course's dates,
 * what it depends on, and the outside reference it records when done outside the app.
 */
export const checklistPhases = ['before', 'during', 'after'] as const;
export type ChecklistPhase = (typeof checklistPhases)[number];

/**
 * Who does a step: the department head, the operations consultant, the course's teaching resource
 * (und.res., the case's `teachingResource`), marketing, or the participants. Marketing and the
 * participants have no account of their own in the app: their steps are recorded by the
 * department head (marketing) and the operations consultant (participants), or by the product.
 */
export const checklistOwners = ['departmentHead', 'operationsConsultant', 'teachingResource', 'marketing', 'participants'] as const;
export type ChecklistOwner = (typeof checklistOwners)[number];

/** The course dates a deadline counts from (see checklist-deadlines.ts). */
export type DeadlineAnchor = 'start' | 'end' | 'nextToLastSession' | 'assignmentDeadline';

/** Outside systems a step done there is recorded with a reference from (archive number, invoice number). */
export type OutsideReference = 'p360' | 'ehf' | 'exledger';

export interface ChecklistStep {
  id: string;
  phase: ChecklistPhase;
  owner: ChecklistOwner;
  label: { nb: string; en: string };
  due: { from: DeadlineAnchor; days: number };
  dependsOn: readonly string[];
  reference?: OutsideReference;
}

const step = (
  id: string,
  phase: ChecklistPhase,
  owner: ChecklistOwner,
  nb: string,
  en: string,
  due: ChecklistStep['due'],
  dependsOn: readonly string[] = [],
  reference?: OutsideReference,
): ChecklistStep => ({ id, phase, owner, label: { nb, en }, due, dependsOn, ...(reference ? { reference } : {}) });

const start = (days: number) => ({ from: 'start' as const, days });
const end = (days: number) => ({ from: 'end' as const, days });
const assignment = (days: number) => ({ from: 'assignmentDeadline' as const, days });

/** In the flowchart's order. Grading and recording grades: within three weeks of the assignment deadline. */
export const checklistSteps: readonly ChecklistStep[] = [
  step(
    'informOperations',
    'before',
    'departmentHead',
    'Informere driftsadministrasjonen og markedskoordinator om kurset',
    'Inform operations and marketing about the course',
    start(-70),
  ),
  step('contractSent', 'before', 'departmentHead', 'Sende kontrakt til undervisningsressursen', 'Send the contract to the teaching resource', start(-60), [
    'informOperations',
  ]),
  step('contractSigned', 'before', 'teachingResource', 'Signere og returnere kontrakten', 'Sign and return the contract', start(-50), ['contractSent']),
  step(
    'contractArchived',
    'before',
    'departmentHead',
    'Arkivere kontrakten i Public 360',
    'Archive the contract in Public 360',
    start(-45),
    ['contractSigned'],
    'p360',
  ),
  step(
    'invoicingInfoSent',
    'before',
    'departmentHead',
    'Sende fakturainformasjon til undervisningsressursen',
    'Send invoicing information to the teaching resource',
    start(-45),
    ['contractSigned'],
  ),
  step('teacherInvoiced', 'before', 'teachingResource', 'Sende faktura i EHF', 'Send the invoice by EHF', start(-30), ['invoicingInfoSent'], 'ehf'),
  step(
    'invoiceApproved',
    'before',
    'departmentHead',
    'Motta og godkjenne fakturaen i Exledger',
    'Receive and approve the invoice in Exledger',
    start(-21),
    ['teacherInvoiced'],
    'exledger',
  ),
  step('sessionPlanReceived', 'before', 'operationsConsultant', 'Motta samlingsplan', 'Receive the session plan', start(-56), ['informOperations']),
  step('landingTextReceived', 'before', 'operationsConsultant', 'Motta tekst til landingssiden', 'Receive the landing-page text', start(-56), [
    'informOperations',
  ]),
  step(
    'landingPagePublished',
    'before',
    'operationsConsultant',
    'Opprette landingsside med påmeldingslenke',
    'Publish the landing page with the registration link',
    start(-49),
    ['landingTextReceived'],
  ),
  step(
    'sessionPlanPublished',
    'before',
    'operationsConsultant',
    'Legge ut samlingsplanen på landingssiden',
    'Publish the session plan on the landing page',
    start(-42),
    ['sessionPlanReceived', 'landingPagePublished'],
  ),
  step('marketing', 'before', 'marketing', 'Markedsføre kurset', 'Market the course', start(-21), ['landingPagePublished']),
  step(
    'registration',
    'before',
    'participants',
    'Påmelding via nettsiden, med kvittering med en gang',
    'Registration on the website, with an immediate receipt',
    start(-14),
    ['landingPagePublished'],
  ),
  step('lmsCreated', 'before', 'operationsConsultant', 'Opprette Canvas-emne og Zoom-rom', 'Create the Canvas course and the Zoom room', start(-14), [
    'contractSigned',
  ]),
  step(
    'teacherAddedToLms',
    'before',
    'operationsConsultant',
    'Legge undervisningsressursen inn i Canvas-rommet',
    'Add the teaching resource to the Canvas course',
    start(-14),
    ['lmsCreated'],
  ),
  step(
    'lmsTraining',
    'before',
    'operationsConsultant',
    'Gi undervisningsressursen opplæring i Canvas og Zoom',
    'Give the teaching resource Canvas and Zoom training',
    start(-10),
    ['teacherAddedToLms'],
  ),
  step(
    'lmsPrepared',
    'before',
    'teachingResource',
    'Klargjøre Canvas: kursplaner, forelesningsmateriell, praktisk informasjon',
    'Prepare Canvas: plans, lecture material, practical information',
    start(-3),
    ['teacherAddedToLms'],
  ),
  step('applicationsHandled', 'before', 'departmentHead', 'Behandle søknadene', 'Handle the applications', start(-10), ['registration']),
  step(
    'studentUsersCreated',
    'before',
    'operationsConsultant',
    'Opprette studentbrukere og legge dem inn i Canvas',
    'Create student users and add them to Canvas',
    start(-5),
    ['applicationsHandled', 'lmsCreated'],
  ),
  step(
    'welcomeLetterSent',
    'before',
    'operationsConsultant',
    'Sende velkomstbrev med praktisk informasjon, video og innlogging',
    'Send the welcome letter with practical information, video and login',
    start(-3),
    ['studentUsersCreated'],
  ),
  step('participantsInvoiced', 'before', 'operationsConsultant', 'Fakturere kursdeltakerne', 'Invoice the participants', start(0), ['applicationsHandled']),
  step(
    'evaluationSent',
    'during',
    'operationsConsultant',
    'Sende evalueringslenke i Canvas (nest siste samling)',
    'Send the evaluation link in Canvas (next-to-last session)',
    { from: 'nextToLastSession', days: 0 },
    ['studentUsersCreated'],
  ),
  step(
    'findingsAnalysed',
    'during',
    'operationsConsultant',
    'Analysere funnene og sende dem til avdelingsleder',
    'Analyse the findings and forward them to the department head',
    end(7),
    ['evaluationSent'],
  ),
  step('findingsFollowedUp', 'during', 'departmentHead', 'Følge opp funnene fra evalueringen', 'Follow up the evaluation findings', end(21), [
    'findingsAnalysed',
  ]),
  step(
    'assignmentSubmitted',
    'after',
    'participants',
    'Levere skriftlig oppgave innen fristen',
    'Hand in the written assignment by the deadline',
    assignment(0),
    ['studentUsersCreated'],
  ),
  step('graded', 'after', 'teachingResource', 'Vurdere oppgavene (innen tre uker)', 'Grade the assignments (within three weeks)', assignment(21), [
    'assignmentSubmitted',
  ]),
  step(
    'gradesRecorded',
    'after',
    'teachingResource',
    'Registrere karakterene i Canvas (innen tre uker)',
    'Record the grades in Canvas (within three weeks)',
    assignment(21),
    ['graded'],
  ),
  step(
    'passListSent',
    'after',
    'teachingResource',
    'Sende liste over beståtte til avdelingsleder og konsulent',
    'Send the pass list to the department head and the consultant',
    assignment(21),
    ['gradesRecorded'],
  ),
  step('certificateTextWritten', 'after', 'departmentHead', 'Skrive teksten til kompetansebeviset', 'Write the certificate text', assignment(21), [
    'informOperations',
  ]),
  step(
    'certificatesSent',
    'after',
    'operationsConsultant',
    'Lage og sende kursbevis med en gang',
    'Make and send the course certificates at once',
    assignment(22),
    ['passListSent', 'certificateTextWritten'],
  ),
];

export const checklistStepIds = checklistSteps.map((s) => s.id);
const byId = new Map(checklistSteps.map((s) => [s.id, s]));

/** A step by id (undefined for an unknown one). */
export const checklistStep = (id: string): ChecklistStep | undefined => byId.get(id);

import type { qualificationItemKinds, AdmissionSetup, NominationDetails, ProFormaMode } from './nomination.schema';

export { admissionSetupSchema, proFormaModes, type AdmissionSetup, type ProFormaMode } from './nomination.schema';

/**
 * How an admission treats its nominees (seed 002, "Gjennomføre opptak"). Pro forma: every nominee
 * with good enough data gets a place, in one of three modes — study right at once, a direct offer
 * to accept or decline, or qualified but ranked (offered only within capacity). A new screening
 * round checks applications against the admission requirements at the institution: all of them,
 * or only the deviation cases whose data is not good enough for the pro forma path. A screened and
 * qualified application then continues on the pro forma mode's path.
 */
/** The next step for an application; each names the workflow event (or ranking run) that takes it. */
export type AdmissionStep = 'grantStudyRight' | 'makeOffer' | 'rank' | 'screen';

export interface AdmissionRoute {
  step: AdmissionStep;
  /** The case's `admissionKind`: 'screening' when the application goes or went through screening. */
  admissionKind: NominationDetails['admissionKind'];
  /** Required items not yet approved (why a deviation case goes to screening). */
  missingItems: (typeof qualificationItemKinds)[number][];
}

export interface AdmissionCandidate {
  id: string;
  qualification?: NominationDetails['qualification'];
  /** Screening done and the applicant found qualified (the case reached `qualified`, or review passed). */
  screenedQualified?: boolean;
}

const modeStep: Record<ProFormaMode, AdmissionStep> = { studyRightAtOnce: 'grantStudyRight', directOffer: 'makeOffer', ranked: 'rank' };

/** One rule for the workflow and the UI: where an application goes next under the admission's setup. */
export function admissionRoute(setup: AdmissionSetup, candidate: AdmissionCandidate): AdmissionRoute {
  const items = candidate.qualification?.items ?? [];
  const missingItems = setup.requiredItems.filter((kind) => !items.some((item) => item.kind === kind && item.status === 'approved'));
  const screened = setup.screening === 'all' || missingItems.length > 0;
  const step = screened && !candidate.screenedQualified ? 'screen' : modeStep[setup.proFormaMode];
  return { step, admissionKind: screened ? 'screening' : 'proForma', missingItems };
}

/** The admission's applications by next step (ids in input order). */
export function planAdmission(setup: AdmissionSetup, candidates: readonly AdmissionCandidate[]): Record<AdmissionStep, string[]> {
  const plan: Record<AdmissionStep, string[]> = { grantStudyRight: [], makeOffer: [], rank: [], screen: [] };
  for (const candidate of candidates) plan[admissionRoute(setup, candidate).step].push(candidate.id);
  return plan;
}

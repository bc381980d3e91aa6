import type { Actor } from '../../src-shared/domain/access/roles';
import { admissionRoute } from '../../src-shared/domain/nomination/admission-mode';
import type { AssessmentValues } from '../../src-shared/domain/nomination/assessment';
import { proFormaModes, type AdmissionSetup, type NominationStatus } from '../../src-shared/domain/nomination/nomination.schema';
import { nominationWorkflow } from '../../src-shared/domain/nomination/nomination.workflow';
import { rankApplications, type RankingInput } from '../../src-shared/domain/nomination/ranking';
import { recordRanking, type RecordedRanking } from '../../src-shared/domain/nomination/ranking-record';
import type { Person } from '../../src-shared/domain/person/person.schema';
import { deadline } from '../../src-shared/domain/workflow/step-helpers';
import { CaseRun, dateAfter, DAY, HOUR, iso, personActor, type DemoContext } from './demo-context';
import { fullName, nameFor } from './names';
import { DEMO_RANKING } from './offers';
import { partners, type Partner } from './organisation';
import type { Rng } from './prng';
import * as text from './texts';

const answerWeights = { accept: 80, decline: 12, withdraw: 8 } as const;

export interface FixedNomination {
  subject: Person;
  partnerId: string;
  createdAt: number;
  stopAt: NominationStatus;
}

/** One nominated applicant, from the partner's nomination to the outcome. */
export function demoNomination(ctx: DemoContext, id: string, seq: number, fixed?: FixedNomination): void {
  const { rng, directory } = ctx;
  const partner = fixed ? partners.find((p) => p.id === fixed.partnerId)! : rng.pick(partners);
  const offer = rng.pick(partner.offers);
  const nominator = directory.nominator(partner.id);
  const officer = directory.caseOfficer();
  const createdAt = fixed?.createdAt ?? ctx.now - rng.int(0, 160) * DAY - rng.int(1, 12) * HOUR;
  const applicant =
    fixed?.subject ??
    ctx.addPerson({
      name: nameFor(partner.locale, rng),
      kind: partner.locale === 'no' ? 'fnr' : 'dnr',
      institution: partner.name,
      emailDomain: 'example.com',
      at: createdAt,
    });
  const applicantActor = personActor(applicant, 'applicant');
  const onBehalf = !fixed && rng.chance(0.15);
  // The demo applicant's case gets a direct offer; the others are pro forma in any mode, or screened first.
  const admission: AdmissionSetup = {
    proFormaMode: fixed ? 'directOffer' : rng.pick(proFormaModes),
    screening: !fixed && rng.chance(0.4) ? 'all' : 'deviationsOnly',
    requiredItems: [],
  };

  const run = new CaseRun(ctx, nominationWorkflow, {
    id,
    seq,
    type: 'nomination',
    title: `Nominasjon – ${fullName(applicant)}, ${offer.name}`,
    status: 'nominated',
    department: offer.department,
    cohort: partner.id,
    subjectPersonId: applicant.id,
    creator: onBehalf ? officer : nominator,
    createdAt,
    assignees: [officer.userId],
    deadlines: [deadline('application', dateAfter(createdAt, 21), 'Frist for å fullføre søknaden')],
    details: {
      offer: { code: offer.code, name: offer.name, kind: offer.kind, term: '2027V', agreementId: partner.agreementId },
      partner: { id: partner.id, name: partner.name },
      admissionKind: admissionRoute(admission, { id }).admissionKind,
      admission,
      nomination: {
        nominatedAt: iso(createdAt),
        nominatedBy: nominator.userId,
        nominatorName: nominator.name,
        channel: onBehalf ? 'userInterface' : offer.kind === 'commissionedEducation' ? 'partnerSystem' : rng.pick(['ewp', 'ewp', 'userInterface'] as const),
        ...(onBehalf
          ? {
              onBehalfOf: {
                registeredBy: officer.userId,
                registeredByName: officer.name,
                reason: 'Partneren mangler tilgang til EWP; nominasjonen kom per e-post og er registrert på vegne av partneren.',
              },
            }
          : {}),
      },
    },
    stopAt: fixed?.stopAt,
  });
  const done = () => void run.finish([officer], text.noteTexts.nomination);
  const withdraw = (by: Actor) =>
    run.step(by, [1, 10], (at) => ({
      type: 'withdraw',
      at,
      reason: by === nominator ? 'Søkeren har trukket seg hos partneren.' : 'Jeg har valgt et annet lærested.',
    }));

  if (!fixed && rng.chance(0.04)) {
    withdraw(nominator);
    return done();
  }
  const choices = choicesFor(rng, partner, offer.code);
  if (!run.step(applicantActor, [2, 14], (at) => ({ type: 'submitApplication', at, choices }))) return done();

  // Screened first where the set-up says so (admission-mode.ts), then the pro forma mode's path.
  if (admissionRoute(admission, { id, qualification: run.state.details.qualification }).step === 'screen') {
    if (!run.step(officer, [1, 7], (at) => ({ type: 'startReview', at }))) return done();
    if (rng.chance(0.3)) {
      const items = rng.chance(0.5) ? (['languageRequirement'] as const) : (['passport', 'homeResults'] as const);
      if (!run.step(officer, [0, 3], (at) => ({ type: 'requestDocumentation', at, items: [...items] }))) return done();
      if (!run.step(applicantActor, [2, 14], (at) => ({ type: 'receiveDocumentation', at }))) return done();
    }
    if (rng.chance(0.08)) {
      run.step(officer, [1, 7], (at) => ({ type: 'reject', at, reason: 'Søkeren oppfyller ikke språkkravet i avtalen.' }));
      return done();
    }
  }
  if (admission.proFormaMode === 'studyRightAtOnce') {
    run.step(officer, [1, 5], (at) => ({ type: 'grantStudyRight', at }));
    return done();
  }
  if (admission.proFormaMode === 'ranked') {
    const assessment = demoAssessment(rng);
    if (!run.step(officer, [1, 5], (at) => ({ type: 'assess', at, assessment }))) return done();
    if (!run.step(officer, [1, 10], (at) => ({ type: 'qualify', at }))) return done();
    if (!run.step(officer, [1, 10], (at) => ({ type: 'rank', at, ranking: rankingRun(rng, partner, { id, assessment }, choices, at) }))) return done();
    if (run.state.details.ranking?.offered === null) {
      run.step(officer, [1, 7], (at) => ({ type: 'markNotReached', at }));
      return done();
    }
  }
  const offered = run.step(officer, [1, 5], (at, ms) => ({ type: 'makeOffer', at, answerBy: dateAfter(ms, 14) }));
  if (!offered) return done();
  const answer = rng.weighted(answerWeights);
  if (answer === 'withdraw') withdraw(applicantActor);
  else run.step(applicantActor, [1, 10], (at) => ({ type: answer === 'accept' ? 'acceptOffer' : 'declineOffer', at }));
  return done();
}

/** A case officer's assessment as the demo draws it: a grade average, mostly a motivation letter's score. */
function demoAssessment(rng: Rng): AssessmentValues {
  return { gradeAverage: rng.int(55, 98), ...(rng.chance(0.8) ? { motivationScore: rng.int(40, 100) } : {}) };
}

/** The nominated offer first, sometimes followed by the partner's other offers. */
function choicesFor(rng: Rng, partner: Partner, first: string) {
  const others = partner.offers.filter((o) => o.code !== first && rng.chance(0.3));
  return [partner.offers.find((o) => o.code === first)!, ...others].map((o) => ({ code: o.code, name: o.name }));
}

/**
 * The case's admission ranked in one run (rankApplications): its application among the other
 * qualified applicants to the partner's offers, drawn for the run, with 1–4 places per offer.
 */
function rankingRun(
  rng: Rng,
  partner: Partner,
  application: { id: string; assessment: AssessmentValues },
  choices: readonly { code: string }[],
  at: string,
): RecordedRanking {
  const caseId = application.id;
  const applicant = (applicationId: string, codes: string[], assessment = demoAssessment(rng)): RankingInput['applications'][number] => ({
    id: applicationId,
    submittedAt: at,
    choices: codes,
    ...assessment,
  });
  const rivals = Array.from({ length: rng.int(2, 10) }, (_, i) =>
    applicant(
      `${caseId}-r${i + 1}`,
      partner.offers.filter((_, n) => n === 0 || rng.chance(0.5)).map((offer) => offer.code),
    ),
  );
  const result = rankApplications({
    config: DEMO_RANKING,
    agreements: [{ id: partner.agreementId }],
    offers: partner.offers.map((offer) => ({
      code: offer.code,
      agreementId: partner.agreementId,
      capacity: rng.int(1, 4),
      requirements: { isced: [], eqf: [] },
    })),
    applications: [
      applicant(
        caseId,
        choices.map((choice) => choice.code),
        application.assessment,
      ),
      ...rivals,
    ],
  });
  if (!result.ok) throw new Error(`Demo ranking: ${result.error}`);
  return recordRanking(
    result.applications.find((application) => application.id === caseId)!,
    { id: `${caseId}-ranking`, at },
  );
}

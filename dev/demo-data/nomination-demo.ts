import type { Actor } from '../../src-shared/domain/access/roles';
import type { NominationStatus } from '../../src-shared/domain/nomination/nomination.schema';
import { nominationWorkflow } from '../../src-shared/domain/nomination/nomination.workflow';
import type { Person } from '../../src-shared/domain/person/person.schema';
import { deadline } from '../../src-shared/domain/workflow/step-helpers';
import { CaseRun, dateAfter, DAY, HOUR, iso, personActor, type DemoContext } from './demo-context';
import { fullName, nameFor } from './names';
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
  const proForma = fixed !== undefined || rng.chance(0.6);

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
      admissionKind: proForma ? 'proForma' : 'screening',
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

  if (!proForma) {
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
    const capacity = rng.int(10, 30);
    const position = rng.int(1, 40);
    if (!run.step(officer, [1, 10], (at) => ({ type: 'qualify', at, position, capacity, gradeAverage: rng.int(55, 98) }))) return done();
    if (position > capacity) {
      run.step(officer, [1, 7], (at) => ({ type: 'markNotReached', at }));
      return done();
    }
  } else if (!fixed && rng.chance(0.5)) {
    run.step(officer, [1, 5], (at) => ({ type: 'grantStudyRight', at }));
    return done();
  }
  const offered = run.step(officer, [1, 5], (at, ms) => ({ type: 'makeOffer', at, answerBy: dateAfter(ms, 14) }));
  if (!offered) return done();
  const answer = rng.weighted(answerWeights);
  if (answer === 'withdraw') withdraw(applicantActor);
  else run.step(applicantActor, [1, 10], (at) => ({ type: answer === 'accept' ? 'acceptOffer' : 'declineOffer', at }));
  return done();
}

/** The nominated offer first, sometimes followed by the partner's other offers. */
function choicesFor(rng: Rng, partner: Partner, first: string) {
  const others = partner.offers.filter((o) => o.code !== first && rng.chance(0.3));
  return [partner.offers.find((o) => o.code === first)!, ...others].map((o) => ({ code: o.code, name: o.name }));
}

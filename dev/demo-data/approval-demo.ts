import type { ApprovalStatus, ExternalResult, FetchOutcome } from '../../src-shared/domain/approval/approval.schema';
import { approvalWorkflow, type ApprovalCase, type ApprovalEvent } from '../../src-shared/domain/approval/approval.workflow';
import type { ApprovalOutcome, CourseVerdict } from '../../src-shared/domain/approval/decision';
import { sourcesDue, type ReportedAnswer } from '../../src-shared/domain/approval/result-fetch';
import { dateOf } from '../../src-shared/domain/calendar/iso-date';
import { systemActor } from '../../src-shared/domain/workflow/workflow';
import type { Person } from '../../src-shared/domain/person/person.schema';
import { deadline } from '../../src-shared/domain/workflow/step-helpers';
import { CaseRun, dateAfter, DAY, HOUR, iso, personActor, startOf, type DemoContext } from './demo-context';
import { fullName, norwegianName } from './names';
import { INSTITUTION, resultInstitutions } from './organisation';
import { pickDepartment } from './pick';
import type { Rng } from './prng';
import * as text from './texts';

export interface FixedApproval {
  subject: Person;
  /** Where the seed says the test person's results are. */
  source: { code: string };
  createdAt: number;
  stopAt: ApprovalStatus;
}

const externalCourses = [
  ['Innføring i psykologi', 'Introduction to Psychology'],
  ['Examen philosophicum', 'Examen philosophicum'],
  ['Statistikk og metode', 'Statistics and Research Methods'],
  ['Pedagogisk grunnlagstenkning', 'Foundations of Education'],
  ['Organisasjonsteori', 'Organisation Theory'],
  ['Helse, miljø og sikkerhet', 'Health, Environment and Safety'],
  ['Programmering i Python', 'Programming in Python'],
  ['Samfunnsøkonomi', 'Economics'],
] as const;

const decisionWeights = { approved: 70, partlyApproved: 20, rejected: 10 } as const;
/** What the other institutions answer when they hold no results to import. */
const otherInstitutionOutcomes: Record<FetchOutcome, number> = {
  noResults: 70,
  notSharing: 8,
  institutionReserved: 6,
  sourceUnavailable: 6,
  certificateDateMissing: 4,
  temporaryNationalId: 6,
  imported: 0,
  noConsent: 0,
  invalidResponse: 0,
};

/** One approval case with result exchange. */
export function demoApproval(ctx: DemoContext, id: string, seq: number, fixed?: FixedApproval): void {
  const { rng, directory } = ctx;
  const department = pickDepartment(rng);
  const cohort = rng.pick(department.cohorts);
  const officer = directory.caseOfficer();
  const createdAt = fixed?.createdAt ?? ctx.now - rng.int(0, 220) * DAY - rng.int(1, 12) * HOUR;
  const student =
    fixed?.subject ??
    ctx.addPerson({ name: norwegianName(rng), kind: 'fnr', institution: INSTITUTION.id, emailDomain: `stud.${INSTITUTION.domain}`, at: createdAt });
  ctx.enrol(student, [cohort.id]);
  const studentActor = personActor(student, 'student');
  const consented = fixed !== undefined || rng.chance(0.6);

  const run = new CaseRun(ctx, approvalWorkflow, {
    id,
    seq,
    type: 'approval',
    title: `Godkjenning av ekstern utdanning – ${fullName(student)}`,
    status: 'registered',
    department: department.id,
    cohort: cohort.id,
    subjectPersonId: student.id,
    creator: officer,
    createdAt,
    assignees: [officer.userId],
    deadlines: [deadline('processing', dateAfter(createdAt, 14), 'Starte behandling')],
    details: {
      application: { receivedAt: iso(createdAt), description: text.applicationDescription(rng), requestedCredits: rng.pick([10, 15, 30, 60]) },
      fetches: [],
      acceptedFetches: [],
      externalResults: [],
      ...(consented ? { consent: studentwebConsent(student.id, createdAt - rng.int(10, 120) * DAY) } : {}),
    },
    stopAt: fixed?.stopAt,
  });
  const done = () => void run.finish([officer], text.noteTexts.approval);

  if (!fixed && rng.chance(0.03)) {
    run.step(studentActor, [1, 20], (at) => ({ type: 'withdraw', at, reason: 'Jeg har bestemt meg for å ta emnene på nytt.' }));
    return done();
  }
  if (!run.step(officer, [1, 5], (at) => ({ type: 'startProcessing', at }))) return done();
  let consent = consented;
  if (!consented) {
    if (!run.step(officer, [0, 2], (at) => ({ type: 'requestConsent', at }))) return done();
    consent = rng.chance(0.9);
    if (!run.step(studentActor, [1, 10], (at) => ({ type: 'recordConsent', at, answer: consent ? 'J' : 'N' }))) return done();
  }
  // Without a yes to result exchange there are no results to decide on: the student withdraws the application.
  if (!consent) {
    run.step(studentActor, [1, 10], (at) => ({ type: 'withdraw', at, reason: 'Jeg ønsker ikke at resultatene mine hentes.' }));
    return done();
  }
  if (!run.step(officer, [0, 3], (at) => ({ type: 'orderResultFetch', at }))) return done();
  if (!runFetch(run, rng, fixed?.source.code ?? rng.pick(resultInstitutions).code)) return done();
  const fetchId = run.state.details.fetches.at(-1)!.id;
  if (!run.step(officer, [0, 2], (at) => ({ type: 'acceptFetchedResults', at, fetchId }))) return done();
  const outcome = rng.weighted(decisionWeights);
  const decided = run.step(officer, [3, 20], (at) => ({
    type: 'decide',
    at,
    courses: verdicts(run.state.details.externalResults, outcome),
    grounds: text.approvalGrounds(outcome),
  }));
  if (!decided) return done();
  const appealEnds = startOf(run.state.details.decisionDelivery!.appealDeadline);
  run.step(officer, [1, 10], (at) => ({ type: 'close', at }), appealEnds + DAY);
  return done();
}

function externalResults(rng: Rng, source: string): ExternalResult[] {
  const institution = resultInstitutions.find((i) => i.code === source)!;
  const count = rng.int(2, 5);
  return Array.from({ length: count }, (_, i) => {
    const [nameNb, nameEn] = externalCourses[(rng.int(0, externalCourses.length - 1) + i) % externalCourses.length]!;
    return {
      institutionCode: institution.code,
      institutionName: institution.name,
      category: 'course' as const,
      code: `${rng.pick(['PSY', 'EXPHIL', 'STA', 'PED', 'ORG', 'HMS', 'INF', 'SØK'])}${rng.int(100, 299)}-${i + 1}`,
      nameNb,
      nameEn,
      term: `${rng.int(2015, 2024)}${rng.pick(['V', 'H'])}`,
      credits: rng.pick([7.5, 10, 15]),
      grade: rng.pick(['A', 'B', 'C', 'C', 'D', 'E', 'Bestått']),
    };
  });
}

/** The yes given in Studentweb before the case was registered. */
function studentwebConsent(personId: string, at: number) {
  return {
    type: 'RESUTVEKSL' as const,
    answeredOn: dateOf(iso(at)),
    answer: 'J' as const,
    recordedAt: iso(at),
    recordedBy: personId,
    source: 'studentweb' as const,
  };
}

/**
 * The server's part of a fetch, three minutes after the order: it asks every institution, records
 * their answers and completes the fetch; a source that was down answers the next day.
 */
function runFetch(run: CaseRun<ApprovalStatus, ApprovalCase['details'], ApprovalEvent>, rng: Rng, source: string): boolean {
  const fetchId = run.state.details.fetches.at(-1)!.id;
  const results = externalResults(rng, source);
  const answers: ReportedAnswer[] = resultInstitutions.map((institution) => ({
    code: institution.code,
    outcome: institution.code === source ? 'imported' : rng.weighted(otherInstitutionOutcomes),
  }));
  const server = (build: (at: string) => ApprovalEvent, notBefore: number) => run.step(systemActor, [0, 0], build, notBefore, 0);
  const done =
    server((at) => ({ type: 'startFetch', at, fetchId, sources: [...resultInstitutions] }), run.clock + 60_000) &&
    server((at) => ({ type: 'recordSourceAnswers', at, fetchId, answers, results }), run.clock + 60_000) &&
    server((at) => ({ type: 'completeFetch', at, fetchId }), run.clock + 1_000);
  if (!done) return false;
  const retry = sourcesDue(run.state.details.fetches, dateOf(iso(run.clock + DAY)))[0];
  if (retry) {
    const retried: ReportedAnswer[] = retry.sources.map(({ code }) => ({ code, outcome: 'noResults' }));
    server((at) => ({ type: 'recordSourceAnswers', at, fetchId, answers: retried, results: [] }), run.clock + DAY);
  }
  return true;
}

/** A verdict per fetched course that gives the case the drawn outcome. */
function verdicts(results: readonly ExternalResult[], outcome: ApprovalOutcome): CourseVerdict[] {
  return results
    .filter((r) => r.category === 'course')
    .map((r, i) => {
      const verdict: ApprovalOutcome = outcome === 'partlyApproved' ? (i === 0 ? 'rejected' : 'approved') : outcome;
      const credits = verdict === 'approved' ? r.credits : 0;
      return { institutionCode: r.institutionCode, code: r.code, term: r.term, verdict, credits, grounds: text.approvalGrounds(verdict) };
    });
}

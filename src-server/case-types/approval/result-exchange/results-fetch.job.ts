import { allAnswered, openFetch, sourcesDue, type ApprovalCase, type ApprovalEvent, type ReportedAnswer } from '../../../../src-shared/domain/approval';
import { dateOf } from '../../../../src-shared/domain/calendar/iso-date';
import type { IntegrationAdapter } from '../../../jobs/integration-jobs';
import { PermanentJobError } from '../../../jobs/job-outcome';
import { fetchResults } from './fetch-results';
import type { ResultSource } from './result-source.contract';
import type { SourceAnswer } from './source-answer';
import { loadSources } from './source-directory';

export const RESULTS_FETCH = 'results.fetch';

export interface ResultsFetchOptions {
  /** The source directory (GET {directoryUrl}/sources lists the institutions). */
  directoryUrl: string;
  timeoutMs?: number;
  concurrency?: number;
}

/**
 * FS's `results.fetch` (the job a case officer's order queues): asks every institution for the
 * student's passed results and writes each answer onto the case as it arrives, so the laptop shows
 * the fetch's progress live; completes the fetch when all have answered. The same job on a later
 * day asks again the sources that were down (the workflow queues it for their retry day). A job
 * run again after its process stopped asks only the sources that have not answered.
 */
export function resultsFetchAdapter(options: ResultsFetchOptions): IntegrationAdapter {
  return async (operation, job, { now, steps }) => {
    if (operation !== RESULTS_FETCH) throw new PermanentJobError(`FS has no operation "${operation}" here`);
    const caseDoc = job.caseId ? await steps.caseById(job.caseId) : undefined;
    if (caseDoc?.type !== 'approval') throw new PermanentJobError(`No approval case ${job.caseId ?? '(none)'} to fetch results for`);
    const approval = caseDoc as ApprovalCase;
    const student = await steps.personById(approval.subjectPersonId);
    if (!student?.nationalId) throw new PermanentJobError(`The student of case ${approval.caseNumber} has no national ID`);

    const directory = await loadSources(options.directoryUrl);
    const today = dateOf(now);
    // The job's clock (injected in tests), moving on as the fetch takes its time.
    const started = Date.now();
    const at = () => new Date(now.getTime() + (Date.now() - started)).toISOString();
    const take = async (event: ApprovalEvent) => {
      const result = await steps.take(approval.id, event);
      if (!result.ok) throw new PermanentJobError(`${event.type} was refused: ${result.message}`);
      return result.state as ApprovalCase;
    };

    const plan: { fetchId: string; sources: ResultSource[] }[] = [];
    const open = openFetch(approval.details.fetches);
    if (open && !open.startedAt) {
      await take({ type: 'startFetch', at: at(), fetchId: open.id, sources: directory.map(({ code, name }) => ({ code, name })) });
      plan.push({ fetchId: open.id, sources: directory });
    } else if (open) {
      const unanswered = new Set(open.sources.filter((source) => !open.answers.some((answer) => answer.code === source.code)).map((source) => source.code));
      plan.push({ fetchId: open.id, sources: directory.filter((source) => unanswered.has(source.code)) });
    }
    for (const due of sourcesDue(approval.details.fetches, today)) {
      const codes = new Set(due.sources.map((source) => source.code));
      plan.push({ fetchId: due.fetchId, sources: directory.filter((source) => codes.has(source.code)) });
    }

    for (const { fetchId, sources } of plan) {
      const record = answerRecorder((answers) =>
        take({ type: 'recordSourceAnswers', at: at(), fetchId, answers: answers.map(reported), results: answers.flatMap((answer) => answer.results) }),
      );
      await fetchResults({
        nationalId: student.nationalId,
        sources,
        fetchDate: today,
        timeoutMs: options.timeoutMs,
        concurrency: options.concurrency,
        onAnswer: record.add,
      });
      const after = await record.done();
      const fetch = after?.details.fetches.find((each) => each.id === fetchId);
      if (fetch && !fetch.completedAt && allAnswered(fetch) && after?.status === 'fetchingResults') {
        await take({ type: 'completeFetch', at: at(), fetchId });
      }
    }
  };
}

const reported = (answer: SourceAnswer): ReportedAnswer => ({
  code: answer.institution.code,
  outcome: answer.outcome,
  ...(answer.detail ? { detail: answer.detail.slice(0, 1000) } : {}),
});

/**
 * Writes answers as they come, one step at a time: what arrives while a step is being written goes
 * into the next one together. `done` waits for the last and gives the case after it; a write that
 * fails fails the job (it is run again and asks only the sources not recorded).
 */
function answerRecorder(write: (answers: SourceAnswer[]) => Promise<ApprovalCase>) {
  let pending: SourceAnswer[] = [];
  let chain: Promise<ApprovalCase | undefined> = Promise.resolve(undefined);
  return {
    add(answer: SourceAnswer) {
      pending.push(answer);
      chain = chain.then(async (latest) => {
        if (pending.length === 0) return latest;
        const batch = pending;
        pending = [];
        return write(batch);
      });
      // The failure surfaces in `done`; no unhandled rejection meanwhile.
      chain.catch(() => undefined);
    },
    done: () => chain,
  };
}

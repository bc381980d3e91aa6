import { describe, expect, it } from 'vitest';
import { DEMO_NOW, demoOrganisation, demoStaffMembers } from '../../../dev/demo-data';
import { actorFor, after, approvalEvents, approvalStart, followUpStudent, happyPaths, walk } from '../../../dev/testing';
import { approvalDecisionInputSchema } from '../../../src-shared/documents/approval-decision.schema';
import { archiveRecordSchema } from '../../../src-shared/documents/archive-record.schema';
import { approvalWorkflow, type ApprovalCase } from '../../../src-shared/domain/approval';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { CaseDocument } from '../../../src-shared/domain/document/document.schema';
import { organisationIndex } from '../../../src-shared/domain/organisation/organisation-index';
import { AppError } from '../../../src-shared/kernel/app-error';
import { staffDirectory } from '../case/staff-directory';
import { takeApprovalStep, type ApprovalReplica, type ApprovalStepDeps } from './approval-steps';
import { caseGrounds, decisionFormSchema, DEFAULT_LEGAL_BASIS } from './decision-form.schema';
import { approvalArchiveRecord, approvalDecisionInput, liveOutcome } from './decision-input';

// Accepted: RES-100 (216) from the fetch, RES-OAL (214) from the next day's retry; 10 credits each.
const processing = walk(approvalWorkflow, approvalStart(false), [
  ...happyPaths.approval.slice(0, 6),
  ['system', approvalEvents.recordSourceAnswers],
  ['system', approvalEvents.completeFetch],
  ['caseOfficer', approvalEvents.acceptFetchedResults],
]).at(-1)!;
const officer = actorFor('caseOfficer');
const student = followUpStudent();
const organisation = organisationIndex(demoOrganisation(new Date(DEMO_NOW)));
const staff = staffDirectory(demoStaffMembers(DEMO_NOW));
const verdict = (code: string, kind: 'approved' | 'partlyApproved' | 'rejected', credits: number) => {
  const course = processing.details.externalResults.find((result) => result.code === code)!;
  return { institutionCode: course.institutionCode, code, term: course.term, verdict: kind, credits, grounds: `Vurdering av ${code}: æøå.` };
};
const values = decisionFormSchema(processing.details.externalResults).parse({
  courses: [verdict('RES-100', 'approved', 10), verdict('RES-OAL', 'partlyApproved', 7.5)],
  legalBasis: DEFAULT_LEGAL_BASIS,
  grounds: 'Samlet vurdering.',
});
const at = after(24 * 30);
const letterContext = { caseDoc: processing, student, organisation, officer: { name: officer.name, roles: officer.roles } };

describe('the approval decision letter’s input', () => {
  it('states the verdicts with each course’s names and credits, the total, the outcome and the day the appeal period runs from', () => {
    const input = approvalDecisionInputSchema.parse(approvalDecisionInput(letterContext, values, at));
    expect(input.courses.map((c) => [c.code, c.institutionName, c.name, c.courseCredits, c.verdict, c.credits])).toEqual([
      ['RES-100', 'HiSF', 'Resultatutveksling RES-100', 10, 'approved', 10],
      ['RES-OAL', 'HiNT', 'Resultatutveksling RES-OAL', 10, 'partlyApproved', 7.5],
    ]);
    expect(input.approvedCredits).toBe(17.5);
    expect(input.outcome).toBe('Delvis godkjent: du får godkjent 17,5 av 20 studiepoeng fra utdanningen din ved HiSF, HiNT.');
    expect(input.legalBasis).toEqual([DEFAULT_LEGAL_BASIS]);
    expect(input.mainConsiderations).toBe('Samlet vurdering.');
    expect(input.decidedBy).toEqual([{ name: officer.name, title: 'Studiekonsulent' }]);
    // The workflow counts the appeal period from the same day the letter names.
    const decided = approvalWorkflow.transition(processing, { type: 'decide', at, courses: values.courses, grounds: 'x' }, officer);
    expect(decided.ok && decided.state.details.decisionDelivery?.receivedOn).toBe(input.appeal.receivedOn);
    expect(input.date).toBe(input.appeal.receivedOn);
  });

  it('refuses a verdict on a course the case has not accepted', () => {
    const stranger = { ...values, courses: [{ ...values.courses[0]!, code: 'RES-999' }] };
    expect(() => approvalDecisionInput(letterContext, stranger, at)).toThrow(AppError);
  });

  it('shows the outcome and total only when every course has a number', () => {
    expect(liveOutcome(values.courses)).toEqual({ outcome: 'partlyApproved', credits: 17.5 });
    expect(liveOutcome([{ verdict: 'approved', credits: Number.NaN }])).toBeUndefined();
    expect(liveOutcome([{ verdict: 'rejected', credits: 0 }])).toEqual({ outcome: 'rejected', credits: 0 });
  });

  it('files the decision on the student’s folder with the case officer responsible and the student as recipient', () => {
    const document: CaseDocument = {
      id: 'doc-1',
      caseId: processing.id,
      kind: 'decision',
      title: 'Vedtak',
      sha256: 'a'.repeat(64),
      signatures: [],
      archiveState: 'not-archived',
      archiveReference: '',
      createdAt: at,
      createdBy: officer.userId,
    };
    const record = archiveRecordSchema.parse(
      approvalArchiveRecord({ caseDoc: processing, student, organisation, responsible: 'Hedda Solheim', createdBy: 'Hedda Solheim' }, document),
    );
    expect(record).toMatchObject({
      kind: 'decision',
      case: { id: processing.id, caseNumber: processing.caseNumber, responsible: 'Hedda Solheim' },
      student: { nationalId: student.nationalId },
      recipients: [{ role: 'recipient', party: 'student', email: student.email }],
    });
    expect(record.fileName).toMatch(/^vedtak-.*\.pdf$/);
  });
});

/** A replica that keeps what the step writes; documents are patched in place. */
function replica() {
  const cases: Case[] = [];
  const documents = new Map<string, CaseDocument>();
  const rx = (doc: CaseDocument) => ({
    ...doc,
    toJSON: () => documents.get(doc.id)!,
    incrementalPatch: async (patch: Partial<CaseDocument>) => void documents.set(doc.id, { ...documents.get(doc.id)!, ...patch }),
  });
  const db = {
    cases: { incrementalUpsert: async (doc: Case) => void cases.push(doc) },
    tasks: {},
    documents: {
      incrementalUpsert: async (doc: CaseDocument) => void documents.set(doc.id, doc),
      findOne: (query: string | { selector: { caseId: string; kind: string } }) => ({
        exec: async () => {
          const found =
            typeof query === 'string'
              ? documents.get(query)
              : [...documents.values()].find((d) => d.caseId === query.selector.caseId && d.kind === query.selector.kind);
          return found ? rx(found) : null;
        },
      }),
    },
  } as unknown as ApprovalReplica;
  return { db, cases, documents };
}

describe('deciding an approval case on the laptop', () => {
  const decide = { type: 'decide', at, courses: values.courses, grounds: caseGrounds(values.legalBasis, values.grounds) } as const;
  const enqueued: string[] = [];
  const deps = (db: ApprovalReplica): ApprovalStepDeps => ({
    api: {
      archiveCloseCase: () => Promise.reject(new Error('not expected')),
      archiveTargets: async () => ({ ok: true, value: ['folder', 'noark5'] }),
      archiveEnqueue: async ({ target, record }) => {
        enqueued.push(`${target}:${record.documentId}:${record.case.responsible}`);
        return {
          ok: true,
          value: {
            id: crypto.randomUUID(),
            caseId: record.case.id,
            documentId: record.documentId,
            target,
            status: 'queued',
            attempts: 0,
            nextAttemptAt: at,
            updatedAt: at,
          },
        };
      },
    },
    db,
    actor: officer,
    sendsLetters: true,
    records: { student, organisation, staff },
  });
  const sealed = (next: ApprovalCase): CaseDocument[] => [
    {
      id: 'doc-sealed',
      caseId: next.id,
      kind: 'decision',
      title: 'Vedtak',
      sha256: 'b'.repeat(64),
      signatures: [{ signer: 'Segl', signedAt: at }],
      archiveState: 'not-archived',
      archiveReference: '',
      createdAt: at,
      createdBy: officer.userId,
    },
  ];

  it('stores the sealed letter and the decided case, queues the letter for every archive and for the server to e-mail to the student', async () => {
    const { db, cases, documents } = replica();
    enqueued.length = 0;
    const reports = await takeApprovalStep(deps(db), processing, decide, async (next) => sealed(next));
    expect(cases.map((c) => c.status)).toEqual(['decided']);
    expect(documents.get('doc-sealed')?.archiveState).toBe('queued');
    // The fixture case's assignee is not in the staff directory: the officer who decides answers for it.
    expect(enqueued).toEqual([`folder:doc-sealed:${officer.name}`, `noark5:doc-sealed:${officer.name}`, `email:doc-sealed:${officer.name}`]);
    expect(reports.map((report) => report.type)).toEqual(['document', 'archiveQueued', 'letterQueued']);
    expect(reports).toContainEqual({ type: 'letterQueued', document: 'decision' });
    expect(reports).toContainEqual({ type: 'archiveQueued', document: 'decision', targets: ['folder', 'noark5'] });
  });

  it('leaves the case as it was when the seal is refused', async () => {
    const { db, cases, documents } = replica();
    const refused = takeApprovalStep(deps(db), processing, decide, () => Promise.reject(new AppError('precondition', 'No seal certificate')));
    await expect(refused).rejects.toThrow('No seal certificate');
    expect(cases).toEqual([]);
    expect(documents.size).toBe(0);
  });
});

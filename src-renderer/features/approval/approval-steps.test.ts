import { describe, expect, it } from 'vitest';
import { actorFor, after, approvalStart } from '../../../dev/testing/fixtures';
import type { ApprovalCase } from '../../../src-shared/domain/approval';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { CaseDocument } from '../../../src-shared/domain/document/document.schema';
import type { CommandOfKind } from '../../../src-shared/domain/workflow/command-executors';
import { AppError } from '../../../src-shared/kernel/app-error';
import { approvalLaptopPorts, takeApprovalStep, type ApprovalReplica, type ApprovalStepDeps } from './approval-steps';

const officer = actorFor('caseOfficer');
const processing = (consent = true): ApprovalCase => ({ ...approvalStart(consent), status: 'processing' });

/** A replica that keeps what the step writes. */
function replica() {
  const saved: Case[] = [];
  const documents = { findOne: () => ({ exec: async () => null }) };
  const db = { cases: { incrementalUpsert: async (doc: Case) => void saved.push(doc) }, tasks: {}, documents } as unknown as ApprovalReplica;
  return { db, saved };
}

const deps = (db: ApprovalReplica, sendsLetters = true): ApprovalStepDeps => ({
  api: {
    archiveCloseCase: () => Promise.reject(new Error('not expected')),
    archiveTargets: () => Promise.reject(new Error('not expected')),
    archiveEnqueue: () => Promise.reject(new Error('not expected')),
  },
  db,
  actor: officer,
  sendsLetters,
});

describe('takeApprovalStep', () => {
  it('orders a fetch: the case with the new fetch goes into the replica, and the fetch is the server’s once the change syncs', async () => {
    const { db, saved } = replica();
    const reports = await takeApprovalStep(deps(db), processing(), { type: 'orderResultFetch', at: after(1) });
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ status: 'fetchingResults', details: { fetches: [{ id: 'fetch-1', orderedBy: officer.userId, sources: [] }] } });
    expect(reports).toEqual([{ type: 'integration', system: 'fs', operation: 'results.fetch' }]);
  });

  it('refuses an order without the student’s consent and writes nothing', async () => {
    const { db, saved } = replica();
    const refused = takeApprovalStep(deps(db), processing(false), { type: 'orderResultFetch', at: after(1) });
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ kind: 'precondition' });
    expect(saved).toEqual([]);
  });

  it('says a notice is not sent on local demo data', async () => {
    const { db } = replica();
    expect(await takeApprovalStep(deps(db, false), processing(false), { type: 'requestConsent', at: after(1) })).toEqual([
      { type: 'noticeNotSent', template: 'approval.consentRequest' },
    ]);
  });
});

describe('the laptop ports of approval steps', () => {
  const context = () => ({ deps: deps(replica().db), caseDoc: processing(), made: [] });

  it('say so for commands the approval workflow never gives, instead of doing nothing', async () => {
    const signature = { type: 'requestSignature', caseId: 'c', document: 'decision', signer: { kind: 'role', role: 'caseOfficer' }, method: 'seal' } as const;
    expect(await approvalLaptopPorts.requestSignature(signature, context())).toEqual([{ type: 'notForApproval', command: 'requestSignature' }]);
  });

  const letter: CommandOfKind['letter'] = {
    type: 'notify',
    caseId: 'c',
    to: { kind: 'person', personId: 'p' },
    copyTo: [],
    template: 'approval.decision',
    letter: 'decision',
  };
  const issued: CaseDocument = {
    id: 'doc-decision',
    caseId: 'c',
    kind: 'decision',
    title: 'Vedtak',
    sha256: 'a'.repeat(64),
    signatures: [],
    archiveState: 'not-archived',
    archiveReference: '',
    createdAt: after(1),
    createdBy: officer.userId,
  };
  /** A replica holding the issued decision. */
  const withDecision = () => {
    const documents = { findOne: () => ({ exec: async () => ({ ...issued, toJSON: () => issued }) }) };
    return { cases: {}, tasks: {}, documents } as unknown as ApprovalReplica;
  };

  it('send the decision as a letter only when signed in to a central server', async () => {
    expect(await approvalLaptopPorts.letter(letter, { ...context(), deps: deps(replica().db, false) })).toEqual([
      { type: 'letterNotSent', document: 'decision' },
    ]);
  });

  it('report a letter without an issued document, or before the student is loaded, as failed and queue nothing', async () => {
    expect(await approvalLaptopPorts.letter(letter, context())).toEqual([
      { type: 'letterFailed', document: 'decision', message: 'No issued decision to send' },
    ]);
    // (The test's api refuses anything queued.)
    expect(await approvalLaptopPorts.letter(letter, { ...context(), deps: deps(withDecision()) })).toEqual([
      { type: 'letterFailed', document: 'decision', message: 'The student or the organisation is not loaded yet' },
    ]);
  });

  it('report an archive command without an issued document as failed', async () => {
    const archive = { type: 'archive', caseId: 'c', document: 'decision', folder: 'student' } as const;
    expect(await approvalLaptopPorts.archive(archive, context())).toEqual([
      { type: 'archiveFailed', document: 'decision', message: 'No issued decision to archive' },
    ]);
  });
});

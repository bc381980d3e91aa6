import { describe, expect, it } from 'vitest';
import { actorFor, after, courseDeliveryStart } from '../../../../dev/testing/fixtures';
import type { ArchiveRecord } from '../../../../src-shared/documents/archive-record.schema';
import type { Case } from '../../../../src-shared/domain/case/case.schema';
import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import type { CaseDocument } from '../../../../src-shared/domain/document/document.schema';
import { takeContractStep, type ContractReplica, type ContractStepDeps } from './contract-steps';

const head = actorFor('departmentHead');
const teacher = actorFor('teacher');

const contractRecord = (fields: Partial<CaseDocument> = {}): CaseDocument => ({
  id: 'doc-contract',
  caseId: courseDeliveryStart().id,
  kind: 'contract',
  title: 'Kontrakt om undervisning – EVU-VEI-H26',
  sha256: '',
  signatures: [],
  archiveState: 'not-archived',
  archiveReference: '',
  createdAt: after(1),
  createdBy: head.userId,
  ...fields,
});

/** A replica that keeps what the step writes; the documents collection answers from what it holds. */
function replica() {
  const cases: Case[] = [];
  const documents = new Map<string, CaseDocument>();
  const patches: Partial<CaseDocument>[] = [];
  const db = {
    cases: { incrementalUpsert: async (doc: Case) => void cases.push(doc) },
    tasks: {},
    documents: {
      incrementalUpsert: async (doc: CaseDocument) => void documents.set(doc.id, doc),
      findOne: (id: string) => ({
        exec: async () => {
          const doc = documents.get(id);
          return doc ? { ...doc, toJSON: () => doc, incrementalPatch: async (patch: Partial<CaseDocument>) => void patches.push(patch) } : null;
        },
      }),
    },
  } as unknown as ContractReplica;
  return { db, cases, documents, patches };
}

function deps(db: ContractReplica, actor = head) {
  const enqueued: ArchiveRecord[] = [];
  const value: ContractStepDeps = {
    api: {
      archiveCloseCase: () => Promise.reject(new Error('not expected')),
      archiveTargets: async () => ({ ok: true, value: ['p360'] }),
      archiveEnqueue: async ({ record }) => {
        enqueued.push(record);
        return { ok: false, error: { kind: 'internal', message: 'only recorded here' } };
      },
    },
    db,
    actor,
    sendsLetters: false,
  };
  return { value, enqueued };
}

const sent = (): CourseDeliveryCase => ({
  ...courseDeliveryStart(),
  status: 'contractSent',
  details: { ...courseDeliveryStart().details, contract: { sentAt: after(1), documentId: 'doc-contract' } },
});

describe('takeContractStep', () => {
  it('sends the contract: its draft record and the case go into the replica, and the teaching resource is asked to sign', async () => {
    const { db, cases, documents } = replica();
    const reports = await takeContractStep(
      deps(db).value,
      courseDeliveryStart(),
      { type: 'sendContract', at: after(1), documentId: 'doc-contract' },
      async () => [contractRecord()],
    );
    expect(cases[0]).toMatchObject({ status: 'contractSent', details: { contract: { documentId: 'doc-contract' } } });
    expect(documents.get('doc-contract')).toMatchObject({ sha256: '', kind: 'contract' });
    expect(reports).toEqual([
      { type: 'document', document: contractRecord() },
      { type: 'signatureRequested', document: 'contract' },
      { type: 'noticeNotSent', template: 'courseDelivery.courseAnnounced' },
    ]);
  });

  it('makes the teaching resource’s signature before the case is saved; a refused signature leaves the case as it was', async () => {
    const { db, cases } = replica();
    const refused = takeContractStep(deps(db, teacher).value, sent(), { type: 'signContract', at: after(2) }, () =>
      Promise.reject(new Error('no certificate')),
    );
    await expect(refused).rejects.toThrow('no certificate');
    expect(cases).toEqual([]);
    await takeContractStep(deps(db, teacher).value, sent(), { type: 'signContract', at: after(2) }, async () => []);
    expect(cases[0]).toMatchObject({ status: 'contractSigned', details: { contract: { signedAt: after(2) } } });
  });

  it('archives the countersigned contract with the record the panel builds, and says why when it cannot', async () => {
    const signed: CourseDeliveryCase = {
      ...sent(),
      status: 'contractSigned',
      details: { ...sent().details, contract: { ...sent().details.contract!, signedAt: after(2) } },
    };
    const countersigned = contractRecord({ sha256: 'a'.repeat(64), signatures: [{ signer: 'teacher Nordmann', signedAt: after(2) }] });
    const { db, patches } = replica();
    const { value, enqueued } = deps(db);
    const record = { documentId: 'doc-contract', kind: 'contract' } as ArchiveRecord;
    const reports = await takeContractStep(
      value,
      signed,
      { type: 'archiveContract', at: after(3) },
      async () => [countersigned],
      () => record,
    );
    expect(enqueued).toEqual([record]);
    expect(reports).toContainEqual({ type: 'archiveFailed', document: 'contract', message: 'p360: only recorded here' });
    expect(patches).toEqual([]);

    const again = replica();
    const withoutRecord = await takeContractStep(
      deps(again.db).value,
      signed,
      { type: 'archiveContract', at: after(3) },
      async () => [countersigned],
      () => ({ problem: 'The archive is not configured' }),
    );
    expect(withoutRecord).toContainEqual({ type: 'archiveFailed', document: 'contract', message: 'The archive is not configured' });
  });

  it('refuses the teaching resource’s step to anyone else and writes nothing', async () => {
    const { db, cases } = replica();
    await expect(takeContractStep(deps(db, head).value, sent(), { type: 'signContract', at: after(2) })).rejects.toMatchObject({ kind: 'forbidden' });
    expect(cases).toEqual([]);
  });
});

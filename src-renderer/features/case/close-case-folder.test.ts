import { describe, expect, it } from 'vitest';
import type { ArchiveEntry } from '../../../src-shared/documents/documents.contract';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { ArchiveClosure } from '../../../src-shared/documents/archive-record.schema';
import { actorFor, followUpStart } from '../../../dev/testing/fixtures';
import { closeCaseFolder } from './close-case-folder';

const head = actorFor('departmentHead');
const ended: Case = { ...(followUpStart() as Case), status: 'closed', updatedAt: '2027-01-04T09:00:00.000Z' };
const entry = (target: ArchiveEntry['target']): ArchiveEntry => ({
  id: crypto.randomUUID(),
  caseId: ended.id,
  target,
  status: 'queued',
  attempts: 0,
  nextAttemptAt: ended.updatedAt,
  updatedAt: ended.updatedAt,
});

describe('closing the case folder when a case ends', () => {
  it('asks the main process with the case, the moment it ended and who ended it, and reports the archives', async () => {
    const asked: ArchiveClosure[] = [];
    const api = {
      archiveCloseCase: async (closure: ArchiveClosure) => {
        asked.push(closure);
        return { ok: true as const, value: [entry('noark5')] };
      },
    };
    expect(await closeCaseFolder(api, ended, head)).toEqual({ type: 'folderClosing', targets: ['noark5'] });
    expect(asked).toEqual([{ caseId: ended.id, caseNumber: ended.caseNumber, closedAt: '2027-01-04T09:00:00.000Z', closedBy: head.name }]);
  });

  it('reports the reason when the main process cannot queue it', async () => {
    const api = { archiveCloseCase: async () => ({ ok: false as const, error: { kind: 'precondition' as const, message: 'Documents are unavailable' } }) };
    expect(await closeCaseFolder(api, ended, head)).toEqual({ type: 'folderClosingFailed', message: 'Documents are unavailable' });
  });
});

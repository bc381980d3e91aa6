import { describe, expect, it } from 'vitest';
import type { ArchiveEntry } from '../../../src-shared/documents/documents.contract';
import { archiveStateOf } from './archive-status';

const entry = (target: ArchiveEntry['target'], status: ArchiveEntry['status'], reference?: string): ArchiveEntry => ({
  id: crypto.randomUUID(),
  caseId: 'case-1',
  documentId: 'doc-1',
  target,
  status,
  attempts: 1,
  nextAttemptAt: '2026-03-10T11:00:00.000Z',
  updatedAt: '2026-03-10T11:00:00.000Z',
  ...(reference ? { reference } : {}),
});

describe('archiveStateOf', () => {
  it('is unknown without entries, queued while any archive is still trying, failed when any gave up', () => {
    expect(archiveStateOf([])).toBeUndefined();
    expect(archiveStateOf([entry('folder', 'archived', 'a'), entry('noark5', 'sending')])).toEqual({ archiveState: 'queued', archiveReference: '' });
    expect(archiveStateOf([entry('folder', 'archived', 'a'), entry('p360', 'failed')])).toEqual({ archiveState: 'failed', archiveReference: '' });
  });

  it('is archived when every archive took it, with P360’s reference before Noark 5’s before the folder’s', () => {
    expect(archiveStateOf([entry('folder', 'archived', '2026-00042/vedtak.pdf'), entry('noark5', 'archived', '2026/00042 abc')])).toEqual({
      archiveState: 'archived',
      archiveReference: '2026/00042 abc',
    });
    expect(
      archiveStateOf([entry('noark5', 'archived', 'n'), entry('p360', 'archived', '26/00017-3'), entry('folder', 'archived', 'f')])?.archiveReference,
    ).toBe('26/00017-3');
  });
});

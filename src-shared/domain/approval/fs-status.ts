import type { ApprovalStatus } from './approval.schema';

/**
 * FS's "status behandling" of an approval case for each of our statuses. FS's own code list is
 * not public; the seed names BEHANDLES, the issue BEHANDLET and TRUKKET. Several of our statuses
 * are one FS status (fetching results is still BEHANDLES there).
 */
export const fsStatuses = ['MOTTATT', 'BEHANDLES', 'AVVENTER', 'BEHANDLET', 'TRUKKET'] as const;
export type FsStatus = (typeof fsStatuses)[number];

export const fsStatusOf: Record<ApprovalStatus, FsStatus> = {
  registered: 'MOTTATT',
  processing: 'BEHANDLES',
  awaitingConsent: 'AVVENTER',
  fetchingResults: 'BEHANDLES',
  decided: 'BEHANDLET',
  closed: 'BEHANDLET',
  withdrawn: 'TRUKKET',
};

export const fsStatusLabels: Record<FsStatus, { nb: string; en: string }> = {
  MOTTATT: { nb: 'Mottatt', en: 'Received' },
  BEHANDLES: { nb: 'Behandles', en: 'Being processed' },
  AVVENTER: { nb: 'Avventer student', en: 'Waiting for the student' },
  BEHANDLET: { nb: 'Behandlet', en: 'Processed' },
  TRUKKET: { nb: 'Trukket', en: 'Withdrawn' },
};

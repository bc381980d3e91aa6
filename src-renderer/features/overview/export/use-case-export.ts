import { useState } from 'react';
import { logError } from '../../../app/log-error';
import { useApi, useDatabase } from '../../../app/providers';
import { useAppStore } from '../../../app/store';
import { useT } from '../../../i18n/use-t';
import { useStaffDirectory } from '../../case/use-staff-directory';
import type { CaseFilter } from '../case-query';
import { exportCases, exportFileName } from './case-export';
import { downloadFile } from './download-file';

export type ExportState =
  { kind: 'idle' } | { kind: 'running'; done: number; total: number | undefined } | { kind: 'done'; count: number; fileName: string } | { kind: 'failed' };

/** Exports the cases the filter shows to a CSV file and downloads it; one export at a time. */
export function useCaseExport(filter: CaseFilter, today: string) {
  const db = useDatabase();
  const api = useApi();
  const t = useT();
  const language = useAppStore((state) => state.language);
  const staff = useStaffDirectory();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  const start = async () => {
    if (state.kind === 'running') return;
    setState({ kind: 'running', done: 0, total: undefined });
    try {
      const ctx = { t, language, staffName: (id: string) => staff.member(id)?.name };
      const { file, count } = await exportCases(db.cases, { filter, today }, ctx, (done, total) => setState({ kind: 'running', done, total }));
      const fileName = exportFileName(t.overview.export.fileStem, today);
      downloadFile(file, fileName);
      setState({ kind: 'done', count, fileName });
    } catch (error) {
      logError(api, error);
      setState({ kind: 'failed' });
    }
  };
  return { state, start };
}

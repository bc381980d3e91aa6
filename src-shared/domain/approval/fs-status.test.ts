import { describe, expect, it } from 'vitest';
import { approvalStatuses } from './approval.schema';
import { fsStatuses, fsStatusLabels, fsStatusOf } from './fs-status';

describe('FS status of an approval case', () => {
  it('maps every status of ours to FS’s, and uses every FS status', () => {
    expect(Object.keys(fsStatusOf).sort()).toEqual([...approvalStatuses].sort());
    expect(new Set(Object.values(fsStatusOf))).toEqual(new Set(fsStatuses));
    expect(fsStatusOf).toMatchObject({ processing: 'BEHANDLES', fetchingResults: 'BEHANDLES', decided: 'BEHANDLET', withdrawn: 'TRUKKET' });
  });

  it('labels every FS status in Norwegian and English', () => {
    for (const status of fsStatuses) {
      expect(fsStatusLabels[status].nb.length, status).toBeGreaterThan(0);
      expect(fsStatusLabels[status].en.length, status).toBeGreaterThan(0);
    }
    expect(fsStatusLabels.BEHANDLES).toEqual({ nb: 'Behandles', en: 'Being processed' });
  });
});

import { describe, expect, it } from 'vitest';
import { caseTypes } from '../../../src-shared/domain/case/case-type';
import { caseWorkflows } from '../../../src-shared/domain/case/case-workflows';
import { statusesOf, statusLabel } from './case-statuses';

describe('case statuses in the overview', () => {
  it.each(caseTypes)('%s offers exactly its workflow statuses, each labelled in both languages', (type) => {
    expect(statusesOf(type)).toEqual(caseWorkflows[type].statuses);
    for (const status of statusesOf(type)) {
      expect(statusLabel('nb', type, status)).not.toBe(status);
      expect(statusLabel('en', type, status)).not.toBe(status);
    }
  });

  it('shows a status it does not know (newer data) as stored', () => {
    expect(statusLabel('nb', 'followUp', 'someFutureStatus')).toBe('someFutureStatus');
    expect(statusLabel('nb', 'followUp', 'toString')).toBe('toString');
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../app/store';
import { emptyCaseFilter } from './case-filter.slice';

describe('the overview filter slice', () => {
  beforeEach(() => useAppStore.getState().resetCaseFilter());

  it('clears the status when the case type changes (statuses belong to a type)', () => {
    const { setCaseFilter } = useAppStore.getState();
    setCaseFilter({ type: 'followUp', status: 'summoned', deadline: 'overdue' });
    setCaseFilter({ type: 'approval' });
    expect(useAppStore.getState().caseFilter).toEqual({ search: '', type: 'approval', status: '', deadline: 'overdue' });
  });

  it('keeps the status when the same type is chosen again or another field changes', () => {
    const { setCaseFilter } = useAppStore.getState();
    setCaseFilter({ type: 'followUp', status: 'summoned' });
    setCaseFilter({ type: 'followUp' });
    setCaseFilter({ search: 'Ødegård' });
    expect(useAppStore.getState().caseFilter).toMatchObject({ type: 'followUp', status: 'summoned', search: 'Ødegård' });
  });

  it('resets to no filter', () => {
    useAppStore.getState().setCaseFilter({ type: 'placement', search: 'x' });
    useAppStore.getState().resetCaseFilter();
    expect(useAppStore.getState().caseFilter).toEqual(emptyCaseFilter);
  });
});

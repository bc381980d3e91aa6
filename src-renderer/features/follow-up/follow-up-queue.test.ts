import { describe, expect, it } from 'vitest';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { FollowUpCase } from '../../../src-shared/domain/follow-up/follow-up.workflow';
import { followUpWorkflow } from '../../../src-shared/domain/follow-up/follow-up.workflow';
import { followUpStart, happyPaths, walk } from '../../../dev/testing';
import { awaitingSignatureStatuses, followUpQueue } from './follow-up-queue';
import { demoUser } from '../../../dev/demo-data';

const coordinator = demoUser('u-kullkoord-helse')!;
const TODAY = '2026-09-10';

// The follow-up's main path up to the protocol sent to the head.
const states = walk(followUpWorkflow, followUpStart(), happyPaths.followUp.slice(0, 7));
const at = (status: FollowUpCase['status']) => states.find((s) => s.status === status)!;
const make = (id: string, from: FollowUpCase, change: Partial<Case> = {}): Case => ({ ...from, id, ...change });

describe('the coordinator’s queue', () => {
  const cases: Case[] = [
    make('reported-far', at('reported'), { nextDeadline: '2026-12-01' }),
    make('drafted-soon', at('protocolDrafted'), { assignees: ['someone-else'], nextDeadline: '2026-09-17' }),
    make('signed-by-student', at('signedByStudent'), { assignees: [], nextDeadline: '2026-09-18' }),
    make('sent-mine-overdue', at('protocolSent'), { assignees: [coordinator.userId], nextDeadline: '2026-09-01' }),
    make('sent-not-mine', at('protocolSent'), { assignees: [], nextDeadline: '2026-10-01' }),
    make('closed', { ...at('open'), status: 'closed' } as FollowUpCase, { nextDeadline: '2026-09-11' }),
    make('other-department', at('protocolDrafted'), { department: 'okonomi', cohort: 'OKAD-2024H', nextDeadline: '2026-09-11' }),
    make('other-type', at('protocolDrafted'), { type: 'approval', nextDeadline: '2026-09-11' }),
  ];
  const queue = followUpQueue(cases, coordinator, TODAY);
  const ids = (list: Case[]) => list.map((c) => c.id);

  it('lists as mine the cases assigned to me or waiting for a step I may take, by next deadline', () => {
    expect(ids(queue.mine)).toEqual(['sent-mine-overdue', 'drafted-soon', 'signed-by-student', 'reported-far']);
  });

  it('lists cases overdue or due within seven days', () => {
    expect(ids(queue.dueSoon)).toEqual(['sent-mine-overdue', 'drafted-soon']);
  });

  it('lists cases waiting for the student’s or the coordinator’s signature', () => {
    expect([...awaitingSignatureStatuses].sort()).toEqual(['protocolDrafted', 'signedByStudent']);
    expect(ids(queue.awaitingSignature)).toEqual(['drafted-soon', 'signed-by-student']);
  });

  it('shows each coordinator only the cohorts they follow', () => {
    const other = followUpQueue(cases, demoUser('u-kullkoord-okonomi')!, TODAY);
    expect(ids(other.mine)).toEqual(['other-department']);
    expect(ids(other.awaitingSignature)).toEqual(['other-department']);
    expect(ids(queue.mine)).not.toContain('other-department');
  });
});

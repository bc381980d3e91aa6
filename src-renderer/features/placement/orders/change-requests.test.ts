import { describe, expect, it } from 'vitest';
import { sykehjemActivity } from '../../../../dev/testing/activity-fixture';
import type { Actor } from '../../../../src-shared/domain/access/roles';
import type { PlacementCase } from '../../../../src-shared/domain/placement/placement.workflow';
import { changeRequestRows } from './change-requests';
import { placementOrderDraft } from './order-draft';

const admin: Actor = {
  userId: 'placementAdmin-1',
  name: 'Admin',
  roles: ['placementAdmin'],
  scope: { institution: 'hifj', departments: ['helse'], cohorts: [], partners: [] },
};
const draft = placementOrderDraft(
  sykehjemActivity(),
  { classes: ['A'], site: { id: 'site-sentrum', name: 'Sentrum', unit: '' }, requestedPlaces: 2 },
  { id: 'placement-1', caseNumber: '2026/10001', actor: admin, at: '2026-08-01T08:00:00.000Z' },
);
const request = (id: string, personId: string, fromId: string, toId: string, requestedAt: string) => ({
  id,
  personId,
  fromId,
  toId,
  reason: `Grunn ${id}`,
  requestedBy: 'site-coordinator-1',
  requestedAt,
});
const order: PlacementCase = {
  ...draft,
  status: 'studentsDistributed',
  details: {
    ...draft.details,
    staffing: [
      {
        className: 'A',
        coordinator: { userId: 'site-coordinator-1', name: 'Kari Koordinator' },
        supervisors: [
          { userId: 'sup-1', name: 'Siri Veileder', limit: 2 },
          { userId: 'sup-2', name: 'Tor Veileder', limit: 2 },
        ],
      },
    ],
    distribution: {
      sharedAt: '2026-09-01T08:00:00.000Z',
      students: [
        { personId: 'person-1', name: 'Ola Student', className: 'A', supervisorId: 'sup-2' },
        { personId: 'person-2', name: 'Kari Student', className: 'A', supervisorId: 'sup-1' },
      ],
    },
    supervisorChangeRequests: [
      request('r1', 'person-1', 'sup-1', 'sup-2', '2026-09-02T08:00:00.000Z'),
      request('r2', 'person-2', 'sup-1', 'gone', '2026-09-03T08:00:00.000Z'),
    ],
    supervisorChangeDecisions: [{ requestId: 'r1', approved: true, by: 'placementAdmin-1', at: '2026-09-02T10:00:00.000Z', comment: '' }],
  },
};

describe('changeRequestRows', () => {
  it('names student and supervisors, lists the open request first and carries the decision of a decided one', () => {
    expect(changeRequestRows(order)).toEqual([
      { id: 'r2', student: 'Kari Student', from: 'Siri Veileder', to: 'gone', reason: 'Grunn r2', decision: undefined },
      {
        id: 'r1',
        student: 'Ola Student',
        from: 'Siri Veileder',
        to: 'Tor Veileder',
        reason: 'Grunn r1',
        decision: expect.objectContaining({ approved: true }),
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { REGISTRATION } from '../../../../dev/testing/fixtures';
import type { Participant } from '../../../../src-shared/domain/course-delivery/participants';
import { decide, decisionRefusal } from './participant-decisions';

const at = '2026-06-01T10:00:00.000Z';
const person = (n: number, status: Participant['status'] = 'registered'): Participant => ({
  ...REGISTRATION,
  id: `p-${n}`,
  email: `deltaker${n}@example.com`,
  registeredAt: at,
  status,
});
const setup = { capacity: 2, deadline: '2026-08-01', fields: [] };
const head = 'head-1';

describe('deciding on registrations in bulk', () => {
  const before = [person(1), person(2), person(3), person(4, 'withdrawn')];

  it('gives the chosen ones the status, stamped by the head with the reason; a withdrawn one is left alone', () => {
    const after = decide(before, new Set(['p-1', 'p-3', 'p-4']), 'rejected', { at, by: head, reason: '  Fullt kurs ' });
    expect(after.map((p) => p.status)).toEqual(['rejected', 'registered', 'rejected', 'withdrawn']);
    expect(after[0]!.decision).toEqual({ at, by: head, reason: 'Fullt kurs' });
    expect(after[1]!.decision).toBeUndefined();
    expect(decide(before, new Set(['p-2']), 'admitted', { at, by: head, reason: ' ' })[1]!.decision).toEqual({ at, by: head });
    expect(decisionRefusal(setup, before, after, head)).toBeNull();
  });

  it('refuses before saving what the server would: more admitted than places, no set-up, another’s name', () => {
    const all = decide(before, new Set(['p-1', 'p-2', 'p-3']), 'admitted', { at, by: head });
    expect(decisionRefusal(setup, before, all, head)).toEqual({ code: 'overCapacity', admitted: 3, capacity: 2 });
    expect(decisionRefusal(undefined, before, all, head)).toEqual({ code: 'noSetup' });
    const two = decide(before, new Set(['p-1', 'p-2']), 'admitted', { at, by: 'someone-else' });
    expect(decisionRefusal(setup, before, two, head)).toEqual({ code: 'other', message: 'A decision is made in your own name' });
  });
});

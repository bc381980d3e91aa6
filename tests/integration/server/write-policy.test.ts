import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src-shared/domain/access/roles';
import { approvalWorkflow, type ApprovalCase, type ApprovalEvent } from '../../../src-shared/domain/approval';
import { systemActor } from '../../../src-shared/domain/workflow/workflow';
import { demoUsers } from '../../../dev/demo-data';
import { addDemoAccount, consentingApprovalCase, importDemoData } from '../sync/support/demo';
import { pushChange } from '../sync/support/push';
import { startTestServer } from '../sync/support/test-server';

/**
 * The push write policy refuses a server-only step (a result fetch's start, answers, completion)
 * coming from a laptop, whether it changes the status or not; the case officer's own steps pass.
 */
describe('push write policy: server-only steps', () => {
  it('refuses a laptop’s push of the steps the server takes for a result fetch', async () => {
    const server = await startTestServer({ jobs: { worker: false } });
    try {
      const data = await importDemoData(server.db, 40);
      const officer = demoUsers().find((user) => user.userId === 'u-studiekonsulent')!;
      await addDemoAccount(server, officer);
      const session = await server.login(officer.userId);
      const stored = consentingApprovalCase(data);
      const step = (state: ApprovalCase, event: ApprovalEvent, actor: Actor = officer) => {
        const result = approvalWorkflow.transition(state, event, actor);
        if (!result.ok) throw new Error(result.message);
        return result.state;
      };
      const push = (before: ApprovalCase, after: ApprovalCase) => pushChange(server.url, session.accessToken, 'cases', after, before);
      const at = (state: ApprovalCase) => new Date(Date.parse(state.updatedAt) + 60_000).toISOString();

      const ordered = step(stored, { type: 'orderResultFetch', at: at(stored) });
      expect(await push(stored, ordered)).toMatchObject({ conflicts: [], rejections: [] });
      const fetchId = ordered.details.fetches.at(-1)!.id;
      const started = step(ordered, { type: 'startFetch', at: at(ordered), fetchId, sources: [{ code: '216', name: 'HiSF' }] }, systemActor);
      const answered = step(
        started,
        { type: 'recordSourceAnswers', at: at(started), fetchId, answers: [{ code: '216', outcome: 'noResults' }], results: [] },
        systemActor,
      );
      const completed = step(answered, { type: 'completeFetch', at: at(answered), fetchId }, systemActor);

      // The server's steps, pushed in the officer's name: one keeps the status, one changes it.
      for (const after of [started, completed]) {
        const response = await push(ordered, { ...after, updatedBy: officer.userId });
        expect(response.rejections).toEqual([
          expect.objectContaining({ id: stored.id, reason: 'forbidden', code: 'role-not-allowed', message: expect.stringMatching(/^Only the server does "/) }),
        ]);
      }
    } finally {
      await server.close();
    }
  });
});

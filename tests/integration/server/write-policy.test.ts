import { describe, expect, it } from 'vitest';
import { schemaVersionOf } from '../../../src-shared/db/collections';
import type { Actor } from '../../../src-shared/domain/access/roles';
import { approvalWorkflow, type ApprovalCase, type ApprovalEvent } from '../../../src-shared/domain/approval';
import { systemActor } from '../../../src-shared/domain/workflow/workflow';
import { pushResponseSchema } from '../../../src-shared/sync/push.schema';
import { demoUsers } from '../../../dev/demo-data';
import { importDemoData } from '../sync/support/demo';
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
      await server.addUser({ id: officer.userId, username: officer.userId, name: officer.name, roles: officer.roles, scope: officer.scope });
      const session = await server.login(officer.userId);
      const stored = data.cases.find(
        (c) => c.type === 'approval' && c.status === 'processing' && (c as ApprovalCase).details.consent?.answer === 'J',
      ) as ApprovalCase;
      const step = (state: ApprovalCase, event: ApprovalEvent, actor: Actor = officer) => {
        const result = approvalWorkflow.transition(state, event, actor);
        if (!result.ok) throw new Error(result.message);
        return result.state;
      };
      const push = async (before: ApprovalCase, after: ApprovalCase) => {
        const response = await fetch(`${server.url}/sync/cases/v${schemaVersionOf('cases')}/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
          body: JSON.stringify({ rows: [{ assumedMasterState: { ...before, _deleted: false }, newDocumentState: { ...after, _deleted: false } }] }),
        });
        return pushResponseSchema.parse(await response.json());
      };
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

import { describe, expect, it } from 'vitest';
import { laptopPorts } from '../../../src-renderer/features/follow-up/follow-up-steps';
import { noticeTemplate } from '../../../src-server/notifications/notices/notice-texts';
import { serverPorts } from '../../../src-server/sync/step-commands';
import { actorFor } from '../../../dev/testing/fixtures';
import { commandSchema } from './command.schema';
import { commandExecutors, commandKindOf, commandKinds, kindsOn, type Side } from './command-executors';
import { statusChangeCommands } from './status-change-commands';
import { everyTransition, untakenStatusChanges, walkSubjects } from '../../../dev/testing/workflow-walk';

/**
 * Every command any transition of the five workflows returns has exactly one executor: the table
 * names its side, that side's runner has a port for its kind, a notice has its text, and what the
 * server runs it can derive from the stored and the pushed case alone (it never sees the event).
 */
const portKinds: Record<Side, string[]> = { laptop: Object.keys(laptopPorts), server: Object.keys(serverPorts) };

describe('command executors', () => {
  it('name one side per kind of command, and each side has a port for exactly its kinds', () => {
    expect(Object.keys(commandExecutors).sort()).toEqual([...commandKinds].sort());
    expect(portKinds.laptop.sort()).toEqual(kindsOn('laptop').sort());
    expect(portKinds.server.sort()).toEqual(kindsOn('server').sort());
    expect([...portKinds.laptop, ...portKinds.server].sort()).toEqual([...commandKinds].sort());
  });
});

describe('every command of every transition has an executor', () => {
  for (const subject of walkSubjects) {
    it(`${subject.workflow.type}: every step, every role`, () => {
      const edges = everyTransition(subject);
      expect(untakenStatusChanges(subject, edges), 'status changes never reached').toEqual([]);
      const kinds = new Set<string>();
      for (const { before, after, step, role, commands } of edges) {
        const label = `${step.event} by ${role} from ${before.status}`;
        for (const command of commands) {
          expect(commandSchema.safeParse(command).success, `${label}: ${JSON.stringify(command)}`).toBe(true);
          const kind = commandKindOf(command);
          kinds.add(kind);
          const executor = commandExecutors[kind];
          expect(executor, `${label}: ${command.type} has no executor`).toBeDefined();
          expect(portKinds[executor.side], `${label}: the ${executor.side} has no port for ${kind}`).toContain(kind);
          if (command.type === 'notify' && kind === 'notice') {
            expect(noticeTemplate(command.template), `${label}: notice ${command.template} has no text`).toBeDefined();
          }
        }
        // The server takes a server-only step itself and runs its commands as they come.
        if (role === 'system') continue;
        // The server runs exactly the server's commands of the step, derived from the states alone.
        const onServer = commands.filter((command) => commandExecutors[commandKindOf(command)].side === 'server');
        const derived = statusChangeCommands({ before, after, actor: actorFor(role) });
        expect(
          derived.filter((command) => commandExecutors[commandKindOf(command)].side === 'server'),
          label,
        ).toEqual(onServer);
      }
      expect(kinds.size, 'kinds of command met').toBeGreaterThan(0);
    });
  }
});

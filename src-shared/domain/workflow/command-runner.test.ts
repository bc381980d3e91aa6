import { describe, expect, it } from 'vitest';
import type { Command } from './command.schema';
import { CommandRunner, type Ports } from './command-runner';

const notice: Command = { type: 'notify', caseId: 'case-1', to: { kind: 'role', role: 'rector' }, copyTo: [], template: 'followUp.meetingInvitation' };
const letter: Command = { ...notice, template: 'followUp.decision', letter: 'decision' };
const task: Command = { type: 'createTask', caseId: 'case-1', title: 'Kall inn', assignee: { kind: 'user', userId: 'u-1' }, due: '2026-12-01' };
const integration: Command = { type: 'callIntegration', caseId: 'case-1', system: 'fs', operation: 'studyRight.grant' };

describe('CommandRunner', () => {
  it("runs its side's commands through their ports in order and hands the others over", async () => {
    const ran: string[] = [];
    const ports: Ports<'server', string, string> = {
      notice: (command, context) => {
        ran.push(`${context}:${command.template}`);
        return [`sent ${command.template}`];
      },
      callIntegration: async (command) => [`queued ${command.system}.${command.operation}`],
    };
    const result = await new CommandRunner('server', ports).run([task, notice, letter, integration], 'tx');
    expect(ran).toEqual(['tx:followUp.meetingInvitation']);
    expect(result.reports).toEqual(['sent followUp.meetingInvitation', 'queued fs.studyRight.grant']);
    expect(result.handedOver.map(({ kind, side }) => [kind, side])).toEqual([
      ['createTask', 'laptop'],
      ['letter', 'laptop'],
    ]);
  });

  it('refuses to run a command of its own side it has no port for', async () => {
    const runner = new CommandRunner('server', { notice: () => [] } as unknown as Ports<'server', void, never>);
    await expect(runner.run([integration], undefined)).rejects.toThrow(/no port for callIntegration/);
  });
});

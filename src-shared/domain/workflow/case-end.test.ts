import { describe, expect, it } from 'vitest';
import { everyTransition, walkSubjects } from '../../../dev/testing/workflow-walk';

/** Every workflow's end closes the case's folder in the archive, once, and nothing else does. */
describe('the end of a case', () => {
  for (const subject of walkSubjects) {
    it(`${subject.workflow.type}: a step into an end status, and only such a step, closes the case folder`, () => {
      const terminal = new Set(subject.workflow.terminal);
      let ends = 0;
      for (const { before, after, step, role, commands } of everyTransition(subject)) {
        const closing = commands.filter((command) => command.type === 'closeCaseFolder');
        const ending = terminal.has(after.status) && !terminal.has(before.status);
        expect(closing, `${step.event} by ${role} from ${before.status}`).toEqual(ending ? [{ type: 'closeCaseFolder', caseId: after.id }] : []);
        if (ending) ends += 1;
      }
      expect(ends, 'steps that end a case').toBeGreaterThan(0);
    });
  }
});

import { describe, expect, it } from 'vitest';
import { nominationStart, walk } from '../../../dev/testing/fixtures';
import { happyPaths } from '../../../dev/testing/happy-paths';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { nominationWorkflow } from '../../../src-shared/domain/nomination/nomination.workflow';
import { nominationNotices } from './nomination-notices';

describe('the offer notice', () => {
  it('names the offer the ranking gave and the answer deadline', () => {
    const offered = walk(nominationWorkflow, nominationStart(), happyPaths.nomination).find((c) => c.status === 'offered')!;
    const made = offered.details.offerMade!;
    expect(nominationNotices['nomination.offer']!(offered as Case, { kind: 'role', role: 'applicant' }).text).toContain(
      `Du har fått tilbud om studieplass på Utveksling helse (UTV-HEL-27V). Svar innen ${made.answerBy}.`,
    );
  });
});

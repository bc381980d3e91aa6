import { describe, expect, it } from 'vitest';
import { bulkExtraFor } from './nomination-bulk';

const today = '2026-12-06';
const input = { answerBy: '2026-12-20', reason: '  Oppfyller ikke språkkravet. ' };

describe('the fields of a nomination bulk step, filled in once for all', () => {
  it('qualifies without fields', () => {
    expect(bulkExtraFor('qualify', input, today)).toEqual({ ok: true });
    expect(bulkExtraFor('markNotReached', input, today)).toEqual({ ok: true });
  });

  it('offers with an answer deadline from today on', () => {
    expect(bulkExtraFor('makeOffer', input, today)).toEqual({ ok: true, extra: { answerBy: '2026-12-20' } });
    expect(bulkExtraFor('makeOffer', { ...input, answerBy: today }, today)).toEqual({ ok: true, extra: { answerBy: today } });
    expect(bulkExtraFor('makeOffer', { ...input, answerBy: '2026-12-05' }, today)).toEqual({ ok: false, problem: 'answerBy' });
    expect(bulkExtraFor('makeOffer', { ...input, answerBy: '' }, today)).toEqual({ ok: false, problem: 'answerBy' });
  });

  it('rejects with the reason trimmed, never with an empty one', () => {
    expect(bulkExtraFor('reject', input, today)).toEqual({ ok: true, extra: { reason: 'Oppfyller ikke språkkravet.' } });
    expect(bulkExtraFor('reject', { ...input, reason: '   ' }, today)).toEqual({ ok: false, problem: 'reason' });
  });
});

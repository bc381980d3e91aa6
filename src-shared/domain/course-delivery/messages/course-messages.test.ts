import { describe, expect, it } from 'vitest';
import { defaultCourseMessages, fillMessage, messageTemplateOf, messageTemplateSchema, unknownPlaceholders } from './course-messages';

describe('course messages', () => {
  it('fill every known placeholder and leave a value not known yet as it was', () => {
    const filled = fillMessage(defaultCourseMessages.welcome, { navn: 'Åse Ødegård', kurs: 'Veiledning i praksis', start: '2026-10-05' });
    expect(filled.subject).toBe('Velkommen til Veiledning i praksis');
    expect(filled.body).toContain('Hei Åse Ødegård,');
    expect(filled.body).toContain('starter 2026-10-05');
    expect(filled.body).toContain('{canvas}');
  });

  it('refuse a text with a placeholder nobody fills', () => {
    expect(unknownPlaceholders('Hei {navn}, se {lenke} og {navn}')).toEqual(['lenke']);
    expect(messageTemplateSchema.safeParse({ subject: 'Hei', body: 'Se {lenke}' }).success).toBe(false);
    expect(messageTemplateSchema.safeParse({ subject: 'Hei {navn}', body: 'Se {evalueringslenke}' }).success).toBe(true);
  });

  it('use the department head’s text when there is one', () => {
    const own = { subject: 'Velkommen, {navn}', body: 'Vi gleder oss.' };
    expect(messageTemplateOf({ welcome: own, changedAt: '2026-09-01T10:00:00.000Z', changedBy: 'h' }, 'welcome')).toEqual(own);
    expect(messageTemplateOf({ welcome: own, changedAt: '2026-09-01T10:00:00.000Z', changedBy: 'h' }, 'evaluation')).toEqual(defaultCourseMessages.evaluation);
  });
});

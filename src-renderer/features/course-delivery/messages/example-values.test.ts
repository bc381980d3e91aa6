import { describe, expect, it } from 'vitest';
import { defaultCourseMessages, fillMessage } from '../../../../src-shared/domain/course-delivery/messages/course-messages';
import { exampleValues } from './example-values';

const course = { code: 'VEI-H26', name: 'Veiledning i praksis', credits: 10, sessions: 4, startDate: '2026-09-01', endDate: '2026-11-20', priceNok: 9900 };

describe('the example participant’s values', () => {
  it('fill the course’s facts; what the course does not have yet stays a placeholder', () => {
    const filled = fillMessage(defaultCourseMessages.welcome, exampleValues({ course }, 'Kari Nordmann', 'nb-NO'));
    expect(filled.subject).toBe('Velkommen til Veiledning i praksis');
    expect(filled.body).toContain('Hei Kari Nordmann,');
    expect(filled.body).toContain('Veiledning i praksis (VEI-H26). Kurset starter 1. sep. 2026 og varer til 20. nov. 2026.');
    expect(filled.body).toContain('Kursrommet i Canvas: {canvas}');
  });

  it('take the Canvas course, video room and evaluation link once known', () => {
    const values = exampleValues(
      {
        course,
        lms: { readyAt: '2026-08-01T10:00:00.000Z', canvasCourseId: '4711', videoRoomUrl: 'https://zoom.example/j/1', teacherAdded: true },
        evaluationInvite: { sentAt: '2026-11-10T10:00:00.000Z', link: 'https://eval.example/vei' },
      },
      'Kari',
      'nb-NO',
    );
    expect(values).toMatchObject({ canvas: '4711', videorom: 'https://zoom.example/j/1', evalueringslenke: 'https://eval.example/vei' });
  });
});

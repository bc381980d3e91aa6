import { describe, expect, it } from 'vitest';
import { setupDefaults, setupFormSchema } from './setup-form.schema';

const messages = { capacity: 'capacity', belowAdmitted: (n: number) => `below ${n}`, deadline: 'deadline' };
const course = { code: 'VEI', name: 'Veiledning', credits: 10, sessions: 4, startDate: '2026-09-01', endDate: '2026-11-20', priceNok: 9900 };

describe('the registration set-up form', () => {
  it('takes places from 1 to 1000, no fewer than admitted, and a date', () => {
    const schema = setupFormSchema(3, messages);
    expect(schema.parse({ capacity: 25, deadline: '2026-08-11', fields: ['employer'] })).toEqual({
      capacity: 25,
      deadline: '2026-08-11',
      fields: ['employer'],
    });
    const issues = (value: unknown) => schema.safeParse(value).error?.issues.map((issue) => issue.message);
    expect(issues({ capacity: Number.NaN, deadline: '', fields: [] })).toEqual(['capacity', 'deadline']);
    expect(issues({ capacity: 2, deadline: '2026-08-11', fields: [] })).toEqual(['below 3']);
    expect(issues({ capacity: 1001, deadline: '2026-08-11', fields: [] })).toEqual(['capacity']);
  });

  it('starts from the course’s set-up, else closes three weeks before the start', () => {
    expect(setupDefaults({ course })).toEqual({ capacity: 20, deadline: '2026-08-11', fields: ['phone', 'employer', 'invoiceAddress'] });
    const registration = { capacity: 5, deadline: '2026-08-01', fields: [] };
    expect(setupDefaults({ course, registration })).toBe(registration);
  });
});

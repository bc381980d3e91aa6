import { describe, expect, it } from 'vitest';
import { REGISTRATION } from '../../../../dev/testing/fixtures';
import { invoicingBasis, invoicingColumns } from './invoicing-basis';
import type { Participant } from './participant.schema';

const course = { code: 'VEI-H26', name: 'Veiledning', credits: 10, sessions: 4, startDate: '2026-09-01', endDate: '2026-11-20', priceNok: 14_900 };
const at = '2026-06-01T10:00:00.000Z';
const participant = (id: string, status: Participant['status'], change: Partial<Participant> = {}): Participant => ({
  ...REGISTRATION,
  id,
  registeredAt: at,
  status,
  ...change,
});

describe('the invoicing basis', () => {
  it('has a row per admitted participant, in registration order, with the invoice address and the course’s price', () => {
    const rows = invoicingBasis({
      course,
      participants: [
        participant('p-1', 'admitted'),
        participant('p-2', 'waitlisted', { email: 'venter@example.com' }),
        participant('p-3', 'rejected', { email: 'nei@example.com' }),
        participant('p-4', 'admitted', { name: 'Per Ås', email: 'per@example.com', employer: undefined, phone: undefined, invoiceAddress: undefined }),
      ],
    });
    expect(rows).toEqual([
      {
        name: 'Åse Ødegård',
        email: 'deltaker1@example.com',
        phone: '+47 912 34 567',
        employer: 'Fjordheim kommune',
        invoiceName: 'Fjordheim kommune',
        organisationNumber: '964338531',
        address: 'Postboks 1, 6800 Førde',
        reference: 'EVU-2026',
        courseCode: 'VEI-H26',
        priceNok: '14900',
      },
      // Not asked for an invoice address: the participant pays, the fields not asked for stay empty.
      {
        name: 'Per Ås',
        email: 'per@example.com',
        phone: '',
        employer: '',
        invoiceName: 'Per Ås',
        organisationNumber: '',
        address: '',
        reference: '',
        courseCode: 'VEI-H26',
        priceNok: '14900',
      },
    ]);
    expect(Object.keys(rows[0]!)).toEqual([...invoicingColumns]);
  });

  it('is empty before anyone is admitted', () => {
    expect(invoicingBasis({ course })).toEqual([]);
    expect(invoicingBasis({ course, participants: [participant('p-1', 'registered')] })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { courseDeliveryStart } from '../../../../dev/testing/fixtures';
import { outgoingEmailSchema } from '../../../notifications/email.schema';
import { receiptId, registrationReceipt } from './registration-receipt';

const { course } = courseDeliveryStart().details;

describe('the registration receipt', () => {
  it('tells the participant the course, its dates and that the head of department decides, in Norwegian and English', () => {
    const mail = outgoingEmailSchema.parse(registrationReceipt(course, { name: 'Åse Ødegård', birthDate: '1979-02-03', email: 'ase@example.no' }));
    expect(mail.to).toEqual(['ase@example.no']);
    expect(mail.subject).toBe('Påmelding mottatt / Registration received: EVU-VEI-H26 Veiledning av studenter i praksis');
    expect(mail.text).toContain('Hei Åse Ødegård,');
    expect(mail.text).toContain('Kursdatoer: 5. oktober 2026 – 27. november 2026, 6 samlinger.');
    expect(mail.text).toContain('Du får beskjed på e-post');
    expect(mail.text).toContain('5 October 2026 – 27 November 2026');
  });

  it('has an outbox id of its own per case and participant, the same on a retry', () => {
    const id = receiptId('course-1', 'participant-1');
    expect(z.uuid().parse(id)).toBe(id);
    expect(receiptId('course-1', 'participant-1')).toBe(id);
    expect(new Set([id, receiptId('course-1', 'participant-2'), receiptId('course-2', 'participant-1')]).size).toBe(3);
  });
});

import { z } from 'zod';
import type { LetterRequest } from '../../src-shared/notifications/letter.schema';
import { HttpError } from '../http/http-error';
import type { OutgoingEmail } from './email.schema';
import { decisionEmail, protocolEmail, summonsEmail, type LetterNotice, type LetterParty } from './notification-letters';

type LetterRecord = LetterRequest['record'];
type Recipient = LetterRecord['recipients'][number];

/**
 * The e-mail of an issued letter. Who gets it follows from the kind: the summons goes to the
 * student, the protocol to the head of department (internal recipient) with a copy to the student,
 * the decision to the student with a copy to the rector (staff copy). Names and addresses come from
 * the record; a missing or invalid address is a 422 naming whose it is.
 */
export function letterEmail(record: LetterRecord, pdf: Uint8Array): OutgoingEmail {
  const notice: LetterNotice = {
    institution: record.case.institution,
    caseNumber: record.case.caseNumber,
    sender: { name: record.createdBy, title: record.case.department },
    pdf: { filename: record.fileName, bytes: pdf },
  };
  const student = studentOf(record);
  switch (record.kind) {
    case 'summons':
      return summonsEmail(notice, student);
    case 'protocol':
      return protocolEmail(notice, staffOf(record, 'internalRecipient', 'head of department'), student);
    case 'decision':
      return decisionEmail(notice, student, staffOf(record, 'copy', 'rector'));
  }
}

/** The student as the record addresses them: their recipient entry, else the student block. */
function studentOf(record: LetterRecord): LetterParty {
  const entry = record.recipients.find((recipient) => recipient.party === 'student');
  const name = entry?.name ?? `${record.student.givenName} ${record.student.familyName}`;
  return { name, email: checkedAddress(entry?.email ?? record.student.email, `the student (${name})`) };
}

function staffOf(record: LetterRecord, role: Recipient['role'], title: string): LetterParty {
  const entry = record.recipients.find((recipient) => recipient.role === role && recipient.party === 'staff');
  if (!entry) throw invalidRecipient(`A ${record.kind} letter needs the ${title} among its recipients (role "${role}", party "staff").`);
  return { name: entry.name, email: checkedAddress(entry.email, `the ${title} (${entry.name})`) };
}

const emailAddress = z.email();

function checkedAddress(address: string, whose: string): string {
  const trimmed = address.trim();
  if (!trimmed) throw invalidRecipient(`No e-mail address for ${whose}; the letter cannot be sent.`);
  if (!emailAddress.safeParse(trimmed).success) throw invalidRecipient(`The e-mail address of ${whose}, "${trimmed}", is not valid.`);
  return trimmed;
}

const invalidRecipient = (message: string) => new HttpError(422, 'invalid-recipient', 'validation', message);

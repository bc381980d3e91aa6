import { approvalLetterEmails } from '../case-types/approval/approval-letters';
import type { Case } from '../../src-shared/domain/case/case.schema';
import type { LetterKind } from '../../src-shared/notifications/letter.schema';
import type { OutgoingEmail } from './email.schema';
import type { Addressee } from './letter-recipients';
import type { LetterCaseType, LetterKindOf } from './letter-step';
import { followUpLetterEmails, type LetterEmail, type LetterNotice, type LetterParty } from './notification-letters';

/** The e-mail of every letter each case type sends (the compiler holds it to the letter steps). */
const letterEmails: { [T in LetterCaseType]: Record<LetterKindOf<T>, LetterEmail> } = {
  followUp: followUpLetterEmails,
  approval: approvalLetterEmails,
};

/**
 * The e-mail of an issued letter, to the parties the server chose (letter-recipients.ts): the
 * follow-up's summons to the student, its protocol to the head of department with a copy to the
 * student, its decision to the student with a copy to the rector; the approval's decision to the student.
 */
export function letterEmail(c: Pick<Case, 'type'>, kind: LetterKind, notice: LetterNotice, parties: ReadonlyMap<Addressee, LetterParty>): OutgoingEmail {
  const byKind: Partial<Record<LetterKind, LetterEmail>> | undefined = Object.hasOwn(letterEmails, c.type) ? letterEmails[c.type as LetterCaseType] : undefined;
  const write = byKind?.[kind];
  // The letter step was checked before (letterStep): every step has its e-mail.
  if (!write) throw new Error(`A ${c.type} case has no e-mail for its ${kind} letter`);
  return write(notice, (addressee) => {
    const found = parties.get(addressee);
    // letterRecipients sets every party the issuing step names, or refuses the letter.
    if (!found) throw new Error(`A ${kind} letter without its ${addressee}`);
    return found;
  });
}

import type { LetterKind } from '../../src-shared/notifications/letter.schema';
import type { OutgoingEmail } from './email.schema';
import type { Addressee } from './letter-recipients';
import { decisionEmail, protocolEmail, summonsEmail, type LetterNotice, type LetterParty } from './notification-letters';

/**
 * The e-mail of an issued letter, to the parties the server chose (letter-recipients.ts): the
 * summons to the student, the protocol to the head of department with a copy to the student, the
 * decision to the student with a copy to the rector.
 */
export function letterEmail(kind: LetterKind, notice: LetterNotice, parties: ReadonlyMap<Addressee, LetterParty>): OutgoingEmail {
  const party = (addressee: Addressee): LetterParty => {
    const found = parties.get(addressee);
    // letterRecipients sets every party of the kind, or refuses the letter.
    if (!found) throw new Error(`A ${kind} letter without its ${addressee}`);
    return found;
  };
  switch (kind) {
    case 'summons':
      return summonsEmail(notice, party('student'));
    case 'protocol':
      return protocolEmail(notice, party('departmentHead'), party('student'));
    case 'decision':
      return decisionEmail(notice, party('student'), party('rector'));
  }
}

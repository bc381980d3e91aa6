import { z } from 'zod';
import type { Person } from '../../src-shared/domain/person/person.schema';
import type { LetterKind, LetterRequest } from '../../src-shared/notifications/letter.schema';
import { LetterRefusal } from './letter-refusal';
import type { LetterParty } from './notification-letters';

type Recipient = LetterRequest['record']['recipients'][number];

/** Staff roles letters go to. */
export type StaffAddressee = 'departmentHead' | 'rector';
export type Addressee = 'student' | StaffAddressee;

/** Who gets each letter, as the archive record names them (role, party). */
interface Slot {
  addressee: Addressee;
  role: Recipient['role'];
  party: Recipient['party'];
}

const slotsOf: Record<LetterKind, readonly Slot[]> = {
  summons: [{ addressee: 'student', role: 'recipient', party: 'student' }],
  protocol: [
    { addressee: 'departmentHead', role: 'internalRecipient', party: 'staff' },
    { addressee: 'student', role: 'copy', party: 'student' },
  ],
  decision: [
    { addressee: 'student', role: 'recipient', party: 'student' },
    { addressee: 'rector', role: 'copy', party: 'staff' },
  ],
};

const titles: Record<Addressee, string> = { student: 'student', departmentHead: 'head of department', rector: 'rector' };

/** The staff roles a letter of this kind goes to (the server looks them up in its staff directory). */
export const staffAddressees = (kind: LetterKind): StaffAddressee[] =>
  slotsOf[kind].flatMap(({ addressee }) => (addressee === 'student' ? [] : [addressee]));

export interface RecipientSources {
  kind: LetterKind;
  caseNumber: string;
  /** The case's subject in the register of people. */
  student: Person;
  /** Per staff role the letter goes to, the staff directory's candidates (see staff-recipients.ts). */
  staff: Partial<Record<StaffAddressee, LetterParty[]>>;
  /** What the request says: the student's address in its record, and the recipients it names. */
  named: { studentEmail: string; recipients: readonly Recipient[] };
}

const emailAddress = z.email();
const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const invalidRecipient = (message: string) => new LetterRefusal('invalid-recipient', message);

/**
 * The parties of a letter, from the server's own sources only: the student's registered address,
 * staff from the directory. Recipients the request names must be exactly these (by role, party and
 * address; names are the server's); without any, the server picks the first candidate per role.
 */
export function letterRecipients(sources: RecipientSources): Map<Addressee, LetterParty> {
  const { kind, caseNumber, named } = sources;
  const student = registeredStudent(sources.student);
  if (!named.studentEmail.trim()) throw invalidRecipient(`No e-mail address for the student (${student.name}) in the letter; it must be the one in the register.`);
  if (!sameAddress(named.studentEmail, student.email)) throw invalidRecipient(`The student's address is not the one in the register for case ${caseNumber}.`);

  const slots = slotsOf[kind];
  for (const recipient of named.recipients) {
    const slot = slots.find(({ role, party }) => role === recipient.role && party === recipient.party);
    if (!slot) throw invalidRecipient(`A ${kind} letter has no ${recipient.party} recipient with role "${recipient.role}".`);
    if (!emailAddress.safeParse(recipient.email.trim()).success) {
      throw invalidRecipient(`The e-mail address of the ${titles[slot.addressee]} (${recipient.name}), "${recipient.email.trim()}", is not valid.`);
    }
  }
  const parties = new Map<Addressee, LetterParty>();
  for (const slot of slots) parties.set(slot.addressee, partyFor(slot, slot.addressee === 'student' ? [student] : (sources.staff[slot.addressee] ?? []), sources));
  return parties;
}

/** The candidate the request names for this slot, or without named recipients the first one. */
function partyFor(slot: Slot, candidates: readonly LetterParty[], { kind, caseNumber, named }: RecipientSources): LetterParty {
  const { addressee, role, party } = slot;
  const title = titles[addressee];
  const given = named.recipients.filter((recipient) => recipient.role === role && recipient.party === party);
  if (given.length > 1) throw invalidRecipient(`A ${kind} letter names the ${title} (role "${role}", party "${party}") more than once.`);
  const [wanted] = given;
  if (!wanted) {
    if (named.recipients.length > 0) throw invalidRecipient(`A ${kind} letter needs the ${title} among its recipients (role "${role}", party "${party}").`);
    if (!candidates[0]) throw invalidRecipient(`Case ${caseNumber} has no ${title} in the staff directory (an active account with an e-mail address, in scope for the case).`);
    return candidates[0];
  }
  const chosen = candidates.find((candidate) => sameAddress(candidate.email, wanted.email));
  if (chosen) return chosen;
  throw invalidRecipient(
    addressee === 'student'
      ? `The student's address is not the one in the register for case ${caseNumber}.`
      : `${wanted.name} <${wanted.email.trim()}> is not the ${title} of case ${caseNumber} in the staff directory (an active account in scope for the case).`,
  );
}

/** The student as the register has them; a letter needs their valid address there. */
function registeredStudent(person: Person): LetterParty {
  const name = `${person.givenName} ${person.familyName}`;
  const email = person.email.trim();
  if (!email) throw invalidRecipient(`No e-mail address for the student (${name}) in the register; the letter cannot be sent.`);
  if (!emailAddress.safeParse(email).success) throw invalidRecipient(`The e-mail address of the student (${name}) in the register, "${email}", is not valid.`);
  return { name, email };
}

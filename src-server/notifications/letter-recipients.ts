import { z } from 'zod';
import { roleLabels, type Role } from '../../src-shared/domain/access/roles';
import type { Person } from '../../src-shared/domain/person/person.schema';
import type { Command } from '../../src-shared/domain/workflow/command.schema';
import type { LetterKind, LetterRequest } from '../../src-shared/notifications/letter.schema';
import { LetterRefusal } from './letter-refusal';
import type { LetterParty } from './notification-letters';

type Recipient = LetterRequest['record']['recipients'][number];

/** Who a letter goes to: the case's student, or staff in a role on the case. */
export type StaffAddressee = Role;
export type Addressee = 'student' | StaffAddressee;

/** One party of a letter: whom, and as the archive record names them (role, party). */
export interface Slot {
  addressee: Addressee;
  role: Recipient['role'];
  party: Recipient['party'];
}

type LetterCommand = Extract<Command, { type: 'notify' }>;

/**
 * The parties of a letter as the issuing step's `notify` command names them (the workflow decides
 * recipients once): its `to` receives it (staff as the internal recipient of a memo), its `copyTo`
 * a copy. The student is the case's subject.
 */
export function letterSlots(command: LetterCommand): Slot[] {
  const slot = (recipient: LetterCommand['to'], copy: boolean): Slot => {
    if (recipient.kind === 'role') return { addressee: recipient.role, role: copy ? 'copy' : 'internalRecipient', party: 'staff' };
    if (recipient.kind === 'person') return { addressee: 'student', role: copy ? 'copy' : 'recipient', party: 'student' };
    throw new Error(`A letter goes to the student or to staff in a role, not to user ${recipient.userId}`);
  };
  return [slot(command.to, false), ...command.copyTo.map((recipient) => slot(recipient, true))];
}

const titleOf = (addressee: Addressee) => (addressee === 'student' ? 'student' : roleLabels[addressee].en.toLowerCase());

/** The staff roles of a letter's parties (the server looks them up in its staff directory). */
export const staffAddressees = (slots: readonly Slot[]): StaffAddressee[] => slots.flatMap(({ addressee }) => (addressee === 'student' ? [] : [addressee]));

export interface RecipientSources {
  kind: LetterKind;
  /** The parties the issuing step's command names (letterSlots). */
  slots: readonly Slot[];
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
  if (!named.studentEmail.trim())
    throw invalidRecipient(`No e-mail address for the student (${student.name}) in the letter; it must be the one in the register.`);
  if (!sameAddress(named.studentEmail, student.email)) throw invalidRecipient(`The student's address is not the one in the register for case ${caseNumber}.`);

  const { slots } = sources;
  for (const recipient of named.recipients) {
    const slot = slots.find(({ role, party }) => role === recipient.role && party === recipient.party);
    if (!slot) throw invalidRecipient(`A ${kind} letter has no ${recipient.party} recipient with role "${recipient.role}".`);
    if (!emailAddress.safeParse(recipient.email.trim()).success) {
      throw invalidRecipient(`The e-mail address of the ${titleOf(slot.addressee)} (${recipient.name}), "${recipient.email.trim()}", is not valid.`);
    }
  }
  const parties = new Map<Addressee, LetterParty>();
  for (const slot of slots)
    parties.set(slot.addressee, partyFor(slot, slot.addressee === 'student' ? [student] : (sources.staff[slot.addressee] ?? []), sources));
  return parties;
}

/** The candidate the request names for this slot, or without named recipients the first one. */
function partyFor(slot: Slot, candidates: readonly LetterParty[], { kind, caseNumber, named }: RecipientSources): LetterParty {
  const { addressee, role, party } = slot;
  const title = titleOf(addressee);
  const given = named.recipients.filter((recipient) => recipient.role === role && recipient.party === party);
  if (given.length > 1) throw invalidRecipient(`A ${kind} letter names the ${title} (role "${role}", party "${party}") more than once.`);
  const [wanted] = given;
  if (!wanted) {
    if (named.recipients.length > 0) throw invalidRecipient(`A ${kind} letter needs the ${title} among its recipients (role "${role}", party "${party}").`);
    if (!candidates[0])
      throw invalidRecipient(`Case ${caseNumber} has no ${title} in the staff directory (an active account with an e-mail address, in scope for the case).`);
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

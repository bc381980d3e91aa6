import { personSchema } from '../../../src-shared/domain/person/person.schema';
import type { Database } from '../../db/database';
import { casesOfPerson, isOpen, offersOfCases, applicationDeadline } from './applicant-reads';
import { hasFreshInvitation } from '../invitations/invitation-store';
import { invitedApplication, inviteApplicant } from './applicant-invitation';

/** A link that is still unused and newer than this is not sent again. */
const RESEND_AFTER_MS = 5 * 60_000;

/**
 * A fresh sign-in link for an applicant who lost theirs or used it: sent to the address asked for
 * only when a person with that address has an open application. The caller answers the same
 * whatever happened, so nobody learns whether an address is known.
 */
export async function sendApplicantLink(db: Database, input: { email: string; publicUrl: string; now: Date }): Promise<number> {
  const rows = await db.query<{ doc: string }>(
    `SELECT doc FROM sync_documents WHERE collection = 'people' AND NOT deleted AND lower(trim(doc::json->>'email')) = lower(trim($1))`,
    [input.email],
  );
  let sent = 0;
  const resendAfter = new Date(input.now.getTime() - RESEND_AFTER_MS);
  for (const person of rows.map((row) => personSchema.parse(JSON.parse(row.doc)))) {
    // Asked again and again, an address gets one link per few minutes, not one per request.
    if (await hasFreshInvitation(db, 'applicant', person.id, resendAfter)) continue;
    const cases = (await casesOfPerson(db, person.id, person.institution)).filter(isOpen);
    if (cases.length === 0) continue;
    const offers = await offersOfCases(db, cases);
    const applications = cases.map((c) => {
      const offer = offers.find((candidate) => candidate.partnerId === c.cohort && candidate.code === c.details.offer.code);
      return invitedApplication(c.details, offer?.name.en ?? c.details.offer.name, applicationDeadline(c, offers) ?? '–');
    });
    await db.transaction((tx) =>
      inviteApplicant(tx, { personId: person.id, email: person.email, givenName: person.givenName, applications }, { ...input, createdBy: 'system' }),
    );
    sent += 1;
  }
  return sent;
}

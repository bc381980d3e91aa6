import { dateOf } from '../../../src-shared/domain/calendar/iso-date';
import type { NominationDetails } from '../../../src-shared/domain/nomination/nomination.schema';
import type { Sql } from '../../db/database';
import { queueEmail } from '../../notifications/email-outbox';
import { createSqlEmailOutboxStore } from '../../notifications/sql-email-outbox-store';
import { createInvitation, invitationUrl } from '../invitations/invitation-store';

/**
 * The applicant's personal invitation to the portal (issue 11): who nominated them, for what, the
 * application deadline, and a link that works once, until it expires. One e-mail per applicant
 * and batch of new nominations, covering each of them; Norwegian and English in one message, as
 * the applicant is usually abroad. Queued in the caller's transaction.
 */
export interface InvitedApplication {
  offer: { code: string; nb: string; en: string; term: string };
  applicationDeadline: string;
  partnerName: string;
  nominatorName: string;
}

export interface ApplicantToInvite {
  personId: string;
  email: string;
  givenName: string;
  applications: readonly InvitedApplication[];
}

/** What the invitation tells of a new nomination case, with the offer's English name. */
export function invitedApplication(details: NominationDetails, offerNameEn: string, applicationDeadline: string): InvitedApplication {
  return {
    offer: { code: details.offer.code, nb: details.offer.name, en: offerNameEn, term: details.offer.term },
    applicationDeadline,
    partnerName: details.partner.name,
    nominatorName: details.nomination.nominatorName,
  };
}

/** Creates the applicant's invitation and queues the e-mail with its link. */
export async function inviteApplicant(tx: Sql, applicant: ApplicantToInvite, input: { publicUrl: string; createdBy: string; now: Date }): Promise<void> {
  const { token, expiresAt } = await createInvitation(tx, {
    kind: 'applicant',
    userId: applicant.personId,
    email: applicant.email,
    createdBy: input.createdBy,
    now: input.now,
  });
  const link = invitationUrl(input.publicUrl, 'applicant', token);
  await queueEmail(createSqlEmailOutboxStore(tx), {
    to: [applicant.email],
    cc: [],
    subject: 'Din søknad / Your application – Saksflyt',
    text: invitationText(applicant, link, expiresAt),
    attachments: [],
  });
}

function invitationText(applicant: ApplicantToInvite, link: string, expiresAt: Date): string {
  const until = dateOf(expiresAt);
  const nb = applicant.applications.map(
    (a) => `- ${a.offer.nb} (${a.offer.term}), nominert av ${a.nominatorName}, ${a.partnerName}. Søknadsfrist: ${a.applicationDeadline}.`,
  );
  const en = applicant.applications.map(
    (a) => `- ${a.offer.en} (${a.offer.term}), nominated by ${a.nominatorName}, ${a.partnerName}. Application deadline: ${a.applicationDeadline}.`,
  );
  return [
    `Hei ${applicant.givenName},`,
    '',
    'Du er nominert til:',
    ...nb,
    '',
    'Fullfør søknaden i portalen med denne personlige lenken. Den virker én gang, til og med',
    `${until}, og bare sammen med denne e-postadressen. Trenger du en ny lenke, kan du be om den i portalen.`,
    '',
    link,
    '',
    '---',
    '',
    `Dear ${applicant.givenName},`,
    '',
    'You have been nominated for:',
    ...en,
    '',
    'Complete your application in the portal with this personal link. It works once, until',
    `${until}, and only with this e-mail address. If you need a new link, you can ask for one in the portal.`,
    '',
    link,
  ].join('\n');
}

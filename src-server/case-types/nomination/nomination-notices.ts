import type { NominationDetails } from '../../../src-shared/domain/nomination/nomination.schema';
import { notice, type NoticeTemplate } from '../../notifications/notices/notice';

/** Which offer the place is at (for choices, the one the ranking gave) and the answer deadline. */
function offerText(details: NominationDetails): string {
  const made = details.offerMade;
  if (!made) return 'Du har fått tilbud om studieplass. Svar innen fristen som står i saken.';
  return `Du har fått tilbud om studieplass på ${made.offer.name} (${made.offer.code}). Svar innen ${made.answerBy}.`;
}

/** Notices of nomination admission: to the applicant, with a copy to the nominating partner. */
export const nominationNotices: Record<string, NoticeTemplate> = {
  'nomination.documentationRequest': (c) =>
    notice(c, 'Vi trenger mer dokumentasjon', 'For å behandle søknaden trenger vi mer dokumentasjon fra deg. Se saken for hva som mangler og fristen.'),
  'nomination.offer': (c) => notice(c, 'Tilbud om studieplass', offerText(c.details as NominationDetails)),
  'nomination.admitted': (c) => notice(c, 'Du har fått studierett', 'Du er tatt opp og har fått studierett.'),
  'nomination.notReached': (c) =>
    notice(c, 'Ikke tilbud om studieplass', 'Du er kvalifisert, men rangert utenfor antall studieplasser, og får ikke tilbud denne gangen.'),
  'nomination.declined': (c) => notice(c, 'Tilbudet er avslått', 'Tilbudet om studieplass er avslått.'),
  'nomination.rejected': (c) => notice(c, 'Søknaden er avslått', 'Søknaden er avslått. Begrunnelsen står i saken.'),
  'nomination.withdrawn': (c) => notice(c, 'Søknaden er trukket', 'Søknaden er trukket tilbake.'),
};

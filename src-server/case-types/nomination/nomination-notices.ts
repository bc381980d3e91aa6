import { notice, type NoticeTemplate } from '../../notifications/notices/notice';

/** Notices of nomination admission: to the applicant, with a copy to the nominating partner. */
export const nominationNotices: Record<string, NoticeTemplate> = {
  'nomination.documentationRequest': (c) =>
    notice(c, 'Vi trenger mer dokumentasjon', 'For å behandle søknaden trenger vi mer dokumentasjon fra deg. Se saken for hva som mangler og fristen.'),
  'nomination.offer': (c) => notice(c, 'Tilbud om studieplass', 'Du har fått tilbud om studieplass. Svar innen fristen som står i saken.'),
  'nomination.admitted': (c) => notice(c, 'Du har fått studierett', 'Du er tatt opp og har fått studierett.'),
  'nomination.notReached': (c) =>
    notice(c, 'Ikke tilbud om studieplass', 'Du er kvalifisert, men rangert utenfor antall studieplasser, og får ikke tilbud denne gangen.'),
  'nomination.declined': (c) => notice(c, 'Tilbudet er avslått', 'Tilbudet om studieplass er avslått.'),
  'nomination.rejected': (c) => notice(c, 'Søknaden er avslått', 'Søknaden er avslått. Begrunnelsen står i saken.'),
  'nomination.withdrawn': (c) => notice(c, 'Søknaden er trukket', 'Søknaden er trukket tilbake.'),
};

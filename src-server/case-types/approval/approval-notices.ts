import { notice, type NoticeTemplate } from '../../notifications/notices/notice';

/** Notices of approval cases with result exchange, to the student (the decision goes as a letter: approval-letters.ts). */
export const approvalNotices: Record<string, NoticeTemplate> = {
  'approval.consentRequest': (c) =>
    notice(
      c,
      'Samtykke til resultatutveksling',
      'For å behandle søknaden om godkjenning vil vi hente resultatene dine fra andre norske utdanningsinstitusjoner. Gi eller avslå samtykke i Studentweb.',
    ),
};

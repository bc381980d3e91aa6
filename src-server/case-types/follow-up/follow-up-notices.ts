import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { FollowUpDetails } from '../../../src-shared/domain/follow-up/follow-up.schema';
import { formatMeetingTime, notice, type NoticeTemplate } from '../../notifications/notices/notice';

const details = (c: Case) => c.details as FollowUpDetails;

/** Notices of the follow-up of a student at risk (the letters with a PDF come from the laptop). */
export const followUpNotices: Record<string, NoticeTemplate> = {
  'followUp.meetingInvitation': (c) => {
    const meeting = details(c).meeting;
    return notice(
      c,
      'Innkalling til vedtaksmøte',
      'Avdelingsleder kaller inn rektor og kullkoordinator til møte om oppfølgingssaken for en student som står i fare for å miste studieretten.',
      meeting ? `Tid: ${formatMeetingTime(meeting.at)}\nSted: ${meeting.location}` : 'Tid og sted står i saken.',
      'Protokollen fra oppfølgingssamtalen ligger i saken.',
    );
  },
  'followUp.reportMerged': (c) =>
    notice(c, 'Bekymringsmeldingen er slått sammen', 'Bekymringsmeldingen din er lagt til studentens åpne oppfølgingssak og følges opp der.'),
  'followUp.closedWithoutDecision': (c) =>
    notice(c, 'Oppfølgingssaken er avsluttet uten vedtak', 'Oppfølgingssaken er avsluttet uten at det er fattet vedtak. Studieretten din er ikke endret.'),
};

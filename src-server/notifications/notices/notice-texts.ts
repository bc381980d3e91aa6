import { approvalNotices } from './approval-notices';
import { courseDeliveryNotices } from './course-delivery-notices';
import { followUpNotices } from './follow-up-notices';
import type { NoticeTemplate } from './notice';
import { nominationNotices } from './nomination-notices';
import { placementNotices } from './placement-notices';

/** The Norwegian text of every notice the server sends, by notify template. */
export const noticeTexts: Readonly<Record<string, NoticeTemplate>> = {
  ...followUpNotices,
  ...nominationNotices,
  ...approvalNotices,
  ...placementNotices,
  ...courseDeliveryNotices,
};

export function noticeTemplate(template: string): NoticeTemplate | undefined {
  return Object.hasOwn(noticeTexts, template) ? noticeTexts[template] : undefined;
}

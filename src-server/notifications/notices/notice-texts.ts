import { approvalNotices } from '../../case-types/approval/approval-notices';
import { courseDeliveryNotices } from '../../case-types/course-delivery/course-delivery-notices';
import { followUpNotices } from '../../case-types/follow-up/follow-up-notices';
import type { NoticeTemplate } from './notice';
import { nominationNotices } from '../../case-types/nomination/nomination-notices';
import { placementNotices } from '../../case-types/placement/placement-notices';

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

import type { CourseDeliveryDetails } from '../../../../src-shared/domain/course-delivery';
import type { MessagePlaceholder } from '../../../../src-shared/domain/course-delivery/messages/course-messages';
import { formatDate } from '../../../i18n/format';

/**
 * What the placeholders say for an example participant of this course, for the preview: the
 * course's own facts; the Canvas course, video room and evaluation link once the course has them
 * (until then the placeholder stays, as it would in a letter sent now).
 */
export function exampleValues(
  details: Pick<CourseDeliveryDetails, 'course' | 'lms' | 'evaluationInvite'>,
  exampleName: string,
  locale: string,
): Partial<Record<MessagePlaceholder, string>> {
  const { course, lms, evaluationInvite } = details;
  return {
    navn: exampleName,
    kurs: course.name,
    kurskode: course.code,
    start: formatDate(course.startDate, locale),
    slutt: formatDate(course.endDate, locale),
    ...(lms?.canvasCourseId ? { canvas: lms.canvasCourseId } : {}),
    ...(lms ? { videorom: lms.videoRoomUrl } : {}),
    ...(evaluationInvite ? { evalueringslenke: evaluationInvite.link } : {}),
  };
}

import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import {
  fillMessage,
  messageTemplateOf,
  type MessagePlaceholder,
  type MessageTemplate,
} from '../../../../src-shared/domain/course-delivery/messages/course-messages';

/** A calendar date (YYYY-MM-DD) written out, e.g. "5. oktober 2026" (or "5 October 2026"), never shifted by time zone. */
export const longDate = (value: string, locale: 'nb-NO' | 'en-GB' = 'nb-NO') =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00.000Z`));

/** The course's page in Canvas (CANVAS_URL/courses/:id); without CANVAS_URL, the course's Canvas id. */
export function canvasCourseUrl(c: CourseDeliveryCase, canvasUrl: string | undefined): string | undefined {
  const id = c.details.lms?.canvasCourseId;
  if (!id) return undefined;
  return canvasUrl ? new URL(`courses/${encodeURIComponent(id)}`, canvasUrl.endsWith('/') ? canvasUrl : `${canvasUrl}/`).href : `Canvas-emne ${id}`;
}

/** The placeholders' values for one reader of the course's messages. */
function valuesFor(c: CourseDeliveryCase, name: string, canvasUrl: string | undefined): Partial<Record<MessagePlaceholder, string>> {
  const { course, lms, evaluationInvite } = c.details;
  const canvas = canvasCourseUrl(c, canvasUrl);
  return {
    navn: name,
    kurs: course.name,
    kurskode: course.code,
    start: longDate(course.startDate),
    slutt: longDate(course.endDate),
    ...(canvas ? { canvas } : {}),
    ...(lms ? { videorom: lms.videoRoomUrl } : {}),
    ...(evaluationInvite ? { evalueringslenke: evaluationInvite.link } : {}),
  };
}

/** The welcome letter (the head's text or the default) filled for `name`. */
export const welcomeMessage = (c: CourseDeliveryCase, name: string, canvasUrl: string | undefined): MessageTemplate =>
  fillMessage(messageTemplateOf(c.details.messages, 'welcome'), valuesFor(c, name, canvasUrl));

/** The evaluation's invitation filled for `name`; its link is always in it, even if the head's text left it out. */
export function evaluationMessage(c: CourseDeliveryCase, name: string, canvasUrl: string | undefined): MessageTemplate {
  const filled = fillMessage(messageTemplateOf(c.details.messages, 'evaluation'), valuesFor(c, name, canvasUrl));
  const link = c.details.evaluationInvite?.link;
  return link && !filled.body.includes(link) ? { ...filled, body: `${filled.body}\n\n${link}` } : filled;
}

import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import { canvasCourseIdOf } from '../course-case';
import { evaluationMessage } from '../participant-mail/course-messages';
import { canvasTopicSchema } from './canvas-answers';
import type { CanvasClient } from './canvas-client';

/**
 * `evaluation.post`: an announcement in the Canvas course with the evaluation text (the head's
 * or the default, to everyone rather than by name) and its link. Posted once per link: an
 * announcement of the course that already holds the link is taken to be this one.
 */
export async function postEvaluation(canvas: CanvasClient, c: CourseDeliveryCase, canvasUrl: string): Promise<void> {
  const invite = c.details.evaluationInvite;
  if (!invite) return;
  const courseId = canvasCourseIdOf(c);
  const topics = `api/v1/courses/${encodeURIComponent(courseId)}/discussion_topics`;
  const posted = await canvas.list(topics, { only_announcements: 'true' }, canvasTopicSchema);
  if (posted.some((topic) => topic.message?.includes(escapeHtml(invite.link)))) return;
  const { subject, body } = evaluationMessage(c, 'alle', canvasUrl);
  await canvas.post(topics, { title: subject, message: announcementHtml(body, invite.link), is_announcement: true, published: true }, canvasTopicSchema);
}

/** The text as Canvas's HTML: escaped, line breaks kept, the link clickable. */
function announcementHtml(text: string, link: string): string {
  const escapedLink = escapeHtml(link);
  return `<p>${escapeHtml(text).replaceAll('\n', '<br>').replaceAll(escapedLink, `<a href="${escapedLink}">${escapedLink}</a>`)}</p>`;
}

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

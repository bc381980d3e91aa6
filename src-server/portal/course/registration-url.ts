/**
 * The address of a course's public registration page in the portal (its pages live in the URL's
 * hash, as the invitation links'): what the consultant gives as the landing page's registration URL
 * when publishing the course.
 */
export function registrationUrl(publicUrl: string, caseId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/portal/#/kurs/${encodeURIComponent(caseId)}`;
}

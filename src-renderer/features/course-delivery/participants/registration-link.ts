/**
 * The course's public registration page on the server's portal (a hash route of the portal app,
 * as the server's own registration-url.ts makes it): the full address when the server's address
 * is known, else only the path.
 */
export function registrationLink(caseId: string, serverUrl: string | undefined): string {
  const path = `/portal/#/kurs/${encodeURIComponent(caseId)}`;
  return serverUrl ? `${serverUrl.replace(/\/+$/, '')}${path}` : path;
}

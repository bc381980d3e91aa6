/** Hosts whose https links open in the user's browser; every other URL is ignored. */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'lovdata.no',
  'www.lovdata.no',
  'www.regjeringen.no',
  'www.fs.sikt.no',
  'www.sikt.no',
  'designsystemet.no',
];

export function isAllowedExternalUrl(url: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && parsed.port === '' && hosts.includes(parsed.hostname);
}

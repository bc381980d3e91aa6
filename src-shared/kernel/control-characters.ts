/**
 * C0 controls (NUL included), DEL and C1 controls. No id, name, token or URL has a use for them,
 * and PostgreSQL refuses NUL in text. (Letters refuse more: see src-server/notifications.)
 */
export const CONTROL_CHARACTERS = /\p{Cc}/gu;

export function hasControlCharacter(text: string): boolean {
  return new RegExp(CONTROL_CHARACTERS.source, 'u').test(text);
}

/** The text with every control character replaced by U+FFFD, for showing attacker input safely. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '\ufffd');
}

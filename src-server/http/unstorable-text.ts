/**
 * The PostgreSQL error only a request's own text causes: a NUL (U+0000) in a parameter, which no
 * text column can hold (SQLSTATE 22021 character_not_in_repertoire). It is the client's error (400),
 * not the server's: the net under every route that does not refuse NUL while validating. (A NUL
 * escape in stored JSON, 22P05, is the server's failure and stays a 500.)
 */
export function isUnstorableText(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '22021';
}

import type { z } from 'zod';

/**
 * Control characters (C0, DEL, C1), lone surrogates, line and paragraph separators, the byte order
 * mark and the bidirectional marks that make a name read other than it is. No field of a letter
 * has a use for them; PostgreSQL refuses NUL.
 */
const CONTROL = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;

/** Deeper than any letter goes: refused as such rather than walked (an attacker may nest 50,000 levels). */
const MAX_DEPTH = 32;

type Path = (string | number)[];

/** The paths of every string and key in `value` that holds a control character, walked without recursion. */
function controlCharacterPaths(value: unknown): Path[] | 'too-deep' {
  const found: Path[] = [];
  const pending: { value: unknown; path: Path }[] = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: node, path } = pending.pop()!;
    if (path.length > MAX_DEPTH) return 'too-deep';
    if (typeof node === 'string') {
      if (CONTROL.test(node)) found.push(path);
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => pending.push({ value: item, path: [...path, index] }));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        if (CONTROL.test(key)) found.push([...path, key]);
        else pending.push({ value: item, path: [...path, key] });
      }
    }
  }
  return found;
}

/** A zod check refusing control characters anywhere in the value, naming each field that has one. */
export function noControlCharacters(value: unknown, context: z.core.$RefinementCtx): void {
  const paths = controlCharacterPaths(value);
  if (paths === 'too-deep') {
    context.addIssue({ code: 'custom', path: [], message: `is nested more than ${MAX_DEPTH} levels deep`, input: value });
    return;
  }
  for (const path of paths) {
    context.addIssue({ code: 'custom', path, message: 'must not contain control characters', input: value });
  }
}

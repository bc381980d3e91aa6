import { isPlainObject, jsonEqual, type JsonRecord } from './json-value';

/** A field changed on both sides; the server value was kept. `null` stands for "absent". */
export interface FieldConflict {
  path: string;
  local: unknown;
  server: unknown;
}

export interface MergeInput {
  /** The server state the local change was based on; undefined for a document created locally. */
  base: JsonRecord | undefined;
  /** The state stored on the server now. */
  server: JsonRecord;
  /** This laptop's state. */
  local: JsonRecord;
}

export interface MergeResult {
  merged: JsonRecord;
  conflicts: FieldConflict[];
}

const DELETED = '_deleted';

/**
 * Field-level three-way merge used when a push meets a newer server state.
 * - A field changed on one side only takes that side's value.
 * - A field changed on both sides (to different values) keeps the server value and is reported,
 *   so the user can pick per field in the conflict inbox.
 * Plain objects (e.g. `details`) merge key by key; arrays and scalars are single values.
 * Deletion wins over neither side silently: a document deleted on one side and changed on the
 * other stays as the server has it, and the other side's changes are reported.
 */
export function threeWayMerge({ base, server, local }: MergeInput): MergeResult {
  const baseDeleted = base?.[DELETED] === true;
  const serverDeleted = server[DELETED] === true;
  const localDeleted = local[DELETED] === true;

  if (serverDeleted !== localDeleted) {
    // Exactly one side changed the deleted flag; the other side may have edited fields.
    const deletedByServer = serverDeleted !== baseDeleted;
    const editor = deletedByServer ? local : server;
    const edited = changedPaths(base, editor);
    if (edited.length === 0) return { merged: strip(deletedByServer ? server : local), conflicts: [] };
    const conflicts = deletedByServer
      ? edited.map((path) => ({ path, local: valueAt(local, path), server: valueAt(server, path) }))
      : [{ path: DELETED, local: localDeleted, server: serverDeleted }];
    return { merged: strip(server), conflicts: conflicts.map(nullForAbsent) };
  }

  const conflicts: FieldConflict[] = [];
  const merged = mergeObject(base ?? {}, server, local, '', conflicts, base === undefined);
  return { merged: strip(merged), conflicts: conflicts.map(nullForAbsent) };
}

function mergeObject(base: JsonRecord, server: JsonRecord, local: JsonRecord, prefix: string, conflicts: FieldConflict[], noBase: boolean): JsonRecord {
  const out: JsonRecord = {};
  const keys = new Set([...Object.keys(base), ...Object.keys(server), ...Object.keys(local)]);
  for (const key of keys) {
    const path = prefix ? `${prefix}.${key}` : key;
    const b = base[key];
    const s = server[key];
    const l = local[key];
    let value: unknown;
    if (jsonEqual(s, l)) value = s;
    else if (!noBase && jsonEqual(b, l)) value = s;
    else if (!noBase && jsonEqual(b, s)) value = l;
    else if (isPlainObject(s) && isPlainObject(l) && (noBase || isPlainObject(b) || b === undefined)) {
      value = mergeObject(isPlainObject(b) ? b : {}, s, l, path, conflicts, noBase);
    } else {
      conflicts.push({ path, local: l, server: s });
      value = s;
    }
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Paths (top-level and inside plain objects) where `doc` differs from `base`. */
export function changedPaths(base: JsonRecord | undefined, doc: JsonRecord, prefix = ''): string[] {
  const from = base ?? {};
  const paths: string[] = [];
  for (const key of new Set([...Object.keys(from), ...Object.keys(doc)])) {
    if (key === DELETED && !prefix) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const b = from[key];
    const d = doc[key];
    if (jsonEqual(b, d)) continue;
    if (isPlainObject(b) && isPlainObject(d)) paths.push(...changedPaths(b, d, path));
    else paths.push(path);
  }
  return paths;
}

/** The value at a dotted path, or undefined. */
export function valueAt(doc: JsonRecord, path: string): unknown {
  let node: unknown = doc;
  for (const part of path.split('.')) {
    if (!isPlainObject(node)) return undefined;
    node = node[part];
  }
  return node;
}

/** A copy of `doc` with the value at a dotted path replaced (removed when `value` is undefined). */
export function withValueAt(doc: JsonRecord, path: string, value: unknown): JsonRecord {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const copy: JsonRecord = { ...doc };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const child = isPlainObject(copy[head]) ? (copy[head] as JsonRecord) : {};
  copy[head] = withValueAt(child, rest.join('.'), value);
  return copy;
}

function strip(doc: JsonRecord): JsonRecord {
  const out: JsonRecord = {};
  for (const [key, value] of Object.entries(doc)) if (value !== undefined) out[key] = value;
  return out;
}

function nullForAbsent(conflict: FieldConflict): FieldConflict {
  return {
    path: conflict.path,
    local: conflict.local === undefined ? null : conflict.local,
    server: conflict.server === undefined ? null : conflict.server,
  };
}

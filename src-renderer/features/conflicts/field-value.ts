/** A field's path as a label: known top-level fields by name, the rest of the path after it. */
export function fieldLabel(path: string, labels: Record<string, string>): string {
  const [head = path, ...rest] = path.split('.');
  const known = labels[head];
  if (!known) return path;
  return rest.length ? `${known}: ${rest.join('.')}` : known;
}

/** A stored value as text: lists joined, records as compact JSON, nothing as the "empty" word. */
export function formatFieldValue(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.length ? value.join(', ') : empty;
  return JSON.stringify(value);
}

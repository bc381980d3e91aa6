/** A `datetime-local` input's value as an ISO timestamp (UTC), or undefined when empty or invalid. */
export function fromLocalDateTime(value: string): string | undefined {
  const date = new Date(value);
  return value === '' || Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** An ISO timestamp as a `datetime-local` input's value in the user's time zone. */
export function toLocalDateTime(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

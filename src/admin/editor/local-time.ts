import { formatDate, zonedTimeToUtc } from '../../lib/dateline.js';

/**
 * The publish-time field (`datetime-local`, to the second) holds a wall-clock
 * time in the site's time zone; the API takes and gives UTC ISO-8601.
 * Used by the server page and the browser alike. Seconds are the same in
 * every zone, so they are carried over as they are.
 *
 * @example toLocalInput('2022-01-22T10:06:05.000Z', 'Europe/Sofia') // '2022-01-22T12:06:05'
 */
export function toLocalInput(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  const seconds = String(date.getUTCSeconds()).padStart(2, '0');
  return `${formatDate(date, timeZone, 'YYYY-MM-DDTHH:mm')}:${seconds}`;
}

/**
 * @example fromLocalInput('2022-01-22T12:06:05', 'Europe/Sofia') // '2022-01-22T10:06:05.000Z'
 * @example fromLocalInput('', 'Europe/Sofia') // null
 */
export function fromLocalInput(value: string, timeZone: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(value.trim());
  if (!value.trim()) return null;
  if (!m) throw new RangeError(`"${value}" is not a date and time`);
  return new Date(zonedTimeToUtc(m[1], timeZone).getTime() + Number(m[2] ?? 0) * 1000).toISOString();
}

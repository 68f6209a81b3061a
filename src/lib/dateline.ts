/**
 * Dates shown to readers: stored in UTC, shown in the site's time zone with a
 * pattern of tokens. The demo's pattern gives the seed page's
 * `January 22, 2022, Saturday // 12:06`.
 *
 * Tokens: YYYY, MMMM (January), MMM (Jan), MM, M, DD, D, dddd (Saturday), ddd, HH, mm.
 * Anything else is copied as it is.
 */
export const DEFAULT_DATE_FORMAT = 'MMMM D, YYYY, dddd // HH:mm';

type Parts = Readonly<
  Record<
    'year' | 'month' | 'monthLong' | 'monthShort' | 'day' | 'weekday' | 'weekdayShort' | 'hour' | 'minute',
    string
  >
>;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'long',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A date's parts, remembered: formatToParts costs about 15 µs, and a page
 * shows the same few dozen dates (its own, its lists') render after render.
 * Keyed by the exact instant, so nothing depends on how a zone's offset falls;
 * emptied when full, which on a news site means a day's worth of new dates.
 */
const remembered = new Map<string, Map<number, Parts>>();
let rememberedCount = 0;
const REMEMBERED = 20_000;

function parts(date: Date, timeZone: string): Parts {
  // By zone, then by the instant as a number: no key string to make for each look.
  let inZone = remembered.get(timeZone);
  if (!inZone) remembered.set(timeZone, (inZone = new Map()));
  const t = date.getTime();
  let found = inZone.get(t);
  if (!found) {
    if (rememberedCount >= REMEMBERED) {
      for (const zone of remembered.values()) zone.clear();
      rememberedCount = 0;
    }
    found = computeParts(date, timeZone);
    inZone.set(t, found);
    rememberedCount++;
  }
  return found;
}

function computeParts(date: Date, timeZone: string): Parts {
  const t = date.getTime();
  const offset = Number.isFinite(t) ? dayOffset(t, timeZone) : null;
  if (offset === null) return partsFromFormatter(date, timeZone);
  // The wall clock as if it were UTC: its fields are the zone's.
  const wall = new Date(Math.floor(t / 60_000) * 60_000 + offset);
  return {
    year: String(wall.getUTCFullYear()).padStart(4, '0'),
    month: TWO_DIGITS[wall.getUTCMonth() + 1]!,
    monthLong: MONTHS[wall.getUTCMonth()]!,
    monthShort: MONTHS_SHORT[wall.getUTCMonth()]!,
    day: TWO_DIGITS[wall.getUTCDate()]!,
    weekday: WEEKDAYS[wall.getUTCDay()]!,
    weekdayShort: WEEKDAYS_SHORT[wall.getUTCDay()]!,
    hour: TWO_DIGITS[wall.getUTCHours()]!,
    minute: TWO_DIGITS[wall.getUTCMinutes()]!,
  };
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// The remembered parts share these strings rather than each holding its own copies.
const WEEKDAYS_SHORT = WEEKDAYS.map((d) => d.slice(0, 3));
const MONTHS_SHORT = MONTHS.map((m) => m.slice(0, 3));
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const DAY = 86_400_000;

/**
 * The zone's offset all through the UTC day holding `t`, when it is the same
 * at the day's start and at the next day's (a zone changes its clocks at
 * most once a day); null on a day it changes them, left to formatToParts.
 * Every date of a day costs one lookup: a miss renders a page of dates
 * never seen before (its own and its lists'), each 15 µs by formatToParts.
 */
const offsets = new Map<string, number | null>();

function dayOffset(t: number, timeZone: string): number | null {
  const start = Math.floor(t / DAY) * DAY;
  const key = `${start} ${timeZone}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size >= REMEMBERED) offsets.clear();
    // From the formatter itself: `parts` would come back here for this very day.
    const atStart = offsetMs(new Date(start), timeZone, partsFromFormatter);
    offset = atStart === offsetMs(new Date(start + DAY), timeZone, partsFromFormatter) ? atStart : null;
    offsets.set(key, offset);
  }
  return offset;
}

function partsFromFormatter(date: Date, timeZone: string): Parts {
  const p: Record<string, string> = {};
  for (const { type, value } of formatter(timeZone).formatToParts(date)) p[type] = value;
  const monthLong = MONTHS[Number(p.month) - 1];
  return {
    year: p.year,
    month: p.month,
    monthLong,
    monthShort: monthLong.slice(0, 3),
    day: p.day,
    weekday: p.weekday,
    weekdayShort: p.weekday.slice(0, 3),
    hour: p.hour,
    minute: p.minute,
  };
}

const TOKENS = /YYYY|MMMM|MMM|MM|M|DD|D|dddd|ddd|HH|mm/g;

const FIELDS: Record<string, (p: Parts) => string> = {
  YYYY: (p) => p.year,
  MMMM: (p) => p.monthLong,
  MMM: (p) => p.monthShort,
  MM: (p) => p.month,
  M: (p) => String(Number(p.month)),
  DD: (p) => p.day,
  D: (p) => String(Number(p.day)),
  dddd: (p) => p.weekday,
  ddd: (p) => p.weekdayShort,
  HH: (p) => p.hour,
  mm: (p) => p.minute,
};

/**
 * A pattern split once into its text and its tokens' fields: a page shows
 * a dozen dates in one or two patterns, and matching the pattern anew for
 * each cost more than finding the date's parts (which are remembered).
 * Patterns come from the site's settings, so few; the map is emptied if
 * ever it holds many.
 */
const compiled = new Map<string, (p: Parts) => string>();

function compile(pattern: string): (p: Parts) => string {
  let format = compiled.get(pattern);
  if (format) return format;
  const texts: string[] = [];
  const fields: ((p: Parts) => string)[] = [];
  let at = 0;
  for (const match of pattern.matchAll(TOKENS)) {
    texts.push(pattern.slice(at, match.index));
    fields.push(FIELDS[match[0]]!);
    at = match.index + match[0].length;
  }
  const last = pattern.slice(at);
  format = (p) => {
    let out = '';
    for (let i = 0; i < fields.length; i++) out += texts[i]! + fields[i]!(p);
    return out + last;
  };
  if (compiled.size >= 100) compiled.clear();
  compiled.set(pattern, format);
  return format;
}

/**
 * @example formatDate(new Date('2022-01-22T10:06:00Z'), 'Europe/Sofia') // 'January 22, 2022, Saturday // 12:06'
 */
export function formatDate(date: Date | string, timeZone: string, pattern = DEFAULT_DATE_FORMAT): string {
  return compile(pattern)(parts(typeof date === 'string' ? new Date(date) : date, timeZone));
}

/** The calendar day in a time zone, `YYYY-MM-DD`. */
export function localDay(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * The UTC instant of a wall-clock time in a time zone.
 *
 * @example zonedTimeToUtc('2022-01-22 12:06', 'Europe/Sofia').toISOString() // '2022-01-22T10:06:00.000Z'
 */
export function zonedTimeToUtc(local: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(local.trim());
  if (!m) throw new Error(`expected a local time as YYYY-MM-DD HH:mm, got "${local}"`);
  const [, y, mo, d, h, mi] = m.map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at that instant; a second pass settles times near a DST change.
  let guess = asUtc - offsetMs(new Date(asUtc), timeZone);
  guess = asUtc - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** The zone's offset at `date`, from its wall clock there to the minute. */
function offsetMs(date: Date, timeZone: string, partsOf: typeof parts = parts): number {
  const p = partsOf(date, timeZone);
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return wall - Math.floor(date.getTime() / 60_000) * 60_000;
}

/** Whether a string names a time zone this runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

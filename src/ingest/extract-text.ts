import { zonedTimeToUtc } from '../lib/dateline.js';
import { oneLine } from '../lib/text.js';

/**
 * An article read from copy pasted as plain text: what a reporter gets by
 * selecting a partner's whole page and copying it. The page's furniture
 * comes along, and is taken apart here:
 *
 * - the first line is the headline;
 * - a short line with a date is the dateline: its date and time (read in
 *   `timeZone`, the page's own zone being unknown), and a section label
 *   before a `|` if there is one; a view counter beside it is dropped;
 * - the first paragraph after it is the lead;
 * - lines that do not end as sentences do (`.`, `!`, `?`, `…`, or a closing
 *   quote) and are short are other articles' headlines set between the
 *   paragraphs ("read also" links that lost their link): dropped, and kept
 *   in `dropped` for the editor to see;
 * - a line of one name after a slash (`/ClubZ`) credits the source;
 * - `Tags: a, b, c` gives the tags; follow-us lines, appeals for support,
 *   "Back", "Related Articles", "Search", share and cookie lines are dropped;
 *   so is everything after a "Related Articles" or "Comments" heading.
 */
export interface ExtractedText {
  title: string;
  /** The date and time in the dateline, as UTC ISO 8601, or null when there is none. */
  published: string | null;
  section: string | null;
  lead: string;
  /** The body's paragraphs, the lead first. */
  paragraphs: string[];
  tags: string[];
  /** The outlet or agency a credit line names (`/ClubZ` -> `ClubZ`). */
  source: string | null;
  /** Lines taken out, in order: headlines of other articles, the page's furniture. */
  dropped: string[];
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH = `(${MONTHS.map((m) => `${m[0].toUpperCase()}${m.slice(1)}|${m.slice(0, 3)}\\.?`).join('|')})`;
const WEEKDAY = '(?:,?\\s*(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?';
const TIME = '(?:[^0-9]{0,6}(\\d{1,2}):(\\d{2}))?';
/** "January 22, 2022, Saturday // 12:06", "22 January 2022 12:06", "2022-01-22 12:06". */
const DATES = [
  new RegExp(`${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})${WEEKDAY}${TIME}`, 'i'),
  new RegExp(`(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})${WEEKDAY}${TIME}`, 'i'),
  /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/,
  /\b(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[^0-9]{0,6}(\d{1,2}):(\d{2}))?/,
];

/** Lines that are the page's furniture, never copy. */
export const FURNITURE = [
  /^follow\b.{0,80}\b(on|via)\b.{0,40}(twitter|facebook|instagram|telegram|x|linkedin|youtube|tiktok)\b/i,
  /\b(we need your support|support (us|our (work|journalism|newsroom))|donate\b|become a (member|supporter|patron)|subscribe (to|for)\b)/i,
  /^(back|search|share|print|comments?|read more|more|menu|close|advertisement|sponsored)\s*$/i,
  /^(share (this|on)|share:|send to a friend|print this)/i,
  /\b(cookies?|privacy policy)\b.{0,80}\b(accept|agree|consent|settings)\b/i,
  /^(read|see) (also|more)\b/i,
  /\b(sign up|subscribe)\b.{0,60}\b(newsletter|briefing|bulletin|inbox|e-?mails?)\b/i,
  /\b(in|to) your inbox\b/i,
  /^our standards\b/i,
  /^\s*»/,
  /^\d[\d,.\s]*\s*views?$/i,
  // The same in Bulgarian: share, read N times, advertisement.
  /^(сподели|споделете)\b/i,
  /^прочетена \d+ пъти$/i,
  /^реклама$/i,
];
/** Headings after which nothing is the article's. */
export const TAIL =
  /^\s*(»\s*)?(related articles|related stories|more from|comments|latest news|most read|още по темата|свързани|най-четени|коментари)/i;

/** A line of tags: `Tags: a, b` (or in Bulgarian, `Етикети:`). */
export const TAG_LINE = /^(?:tags?|етикети|тагове)\s*:\s*(.+)$/i;

/** Sentence-final: `.`, `!`, `?`, `…`, or a closing quote or bracket after one, or a quote closing a quoted sentence. */
export const SENTENCE_END = /([.!?…]["”’»)\]]*|["”»][.!?…]?)\s*$/;

export function extractText(input: string, options: { timeZone?: string } = {}): ExtractedText {
  const timeZone = options.timeZone ?? 'UTC';
  const lines = input
    .split(/\r\n?|\n/)
    .map(oneLine)
    .filter((line) => line !== '');
  if (!lines.length) throw new Error('the text is empty');

  const title = lines[0];
  const dropped: string[] = [];
  const paragraphs: string[] = [];
  let published: string | null = null;
  let section: string | null = null;
  let source: string | null = null;
  let tags: string[] = [];

  for (const line of lines.slice(1)) {
    if (TAIL.test(line)) {
      dropped.push(line);
      break;
    }
    const tagLine = TAG_LINE.exec(line);
    if (tagLine) {
      tags = tagLine[1]
        .split(/\s*[,;]\s*/)
        .map((t) => t.trim())
        .filter(Boolean);
      continue;
    }
    if (published === null && !paragraphs.length && line.length <= 160) {
      const dateline = readDateline(line, timeZone);
      if (dateline) {
        published = dateline.published;
        section = dateline.section;
        continue;
      }
    }
    const credit = /^\/\s*([\p{L}\p{N}][\p{L}\p{N} .&'-]{0,60})$/u.exec(line);
    if (credit) {
      source = credit[1].trim();
      continue;
    }
    if (FURNITURE.some((pattern) => pattern.test(line))) {
      dropped.push(line);
      continue;
    }
    // The lead is the first paragraph whatever it ends with; after it, a short line that is not
    // a sentence is another article's headline.
    if (paragraphs.length && !SENTENCE_END.test(line) && line.split(' ').length <= 25) {
      dropped.push(line);
      continue;
    }
    paragraphs.push(line);
  }
  return { title, published, section, lead: paragraphs[0] ?? '', paragraphs, tags, source, dropped };
}

/** The date and section of a dateline, if the line is one. */
export function readDateline(
  line: string,
  timeZone: string,
): { published: string; section: string | null } | undefined {
  for (const [i, pattern] of DATES.entries()) {
    const m = pattern.exec(line);
    if (!m) continue;
    const [year, month, day] =
      i === 0
        ? [Number(m[3]), monthNumber(m[1]), Number(m[2])]
        : i === 1
          ? [Number(m[3]), monthNumber(m[2]), Number(m[1])]
          : i === 2
            ? [Number(m[1]), Number(m[2]), Number(m[3])]
            : [Number(m[3]), Number(m[2]), Number(m[1])];
    const [hour, minute] = [Number(m[4] ?? 0), Number(m[5] ?? 0)];
    if (!month || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) continue;
    const pad = (n: number) => String(n).padStart(2, '0');
    const published = zonedTimeToUtc(
      `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}`,
      timeZone,
    );
    const before = line
      .slice(0, m.index)
      .replace(/[|/·•\-–—\s]+$/, '')
      .trim();
    const label = before && before.length <= 40 && !/\d/.test(before) ? before : null;
    const section = label && !/^(posted|published|updated|on|at|date)\b/i.test(label) ? label : null;
    if (Number.isNaN(published.getTime())) continue;
    return { published: published.toISOString(), section };
  }
  return undefined;
}

function monthNumber(name: string): number {
  const key = name.toLowerCase().replace('.', '').slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key)) + 1;
}

import { diffLines, diffWords } from 'diff';

/**
 * What changed between two versions of an article, for people: the fields
 * side by side, the body paragraph by paragraph with the changed words marked,
 * and long runs of unchanged paragraphs folded away.
 */

/** A version as an editor reads it: names rather than slugs, times in the site's zone. */
export interface ReadableVersion {
  title: string;
  lead: string;
  section: string;
  tags: string[];
  authors: string[];
  source: string;
  status: string;
  publishedAt: string;
  slug: string;
  featured: string;
  seoTitle: string;
  seoDescription: string;
  /** The body as plain text, a paragraph a line. */
  body: string;
}

export interface Segment {
  text: string;
  kind: 'same' | 'ins' | 'del';
}

export type FieldDiff =
  | { label: string; kind: 'text'; segments: Segment[] }
  | { label: string; kind: 'list'; items: Segment[] }
  | { label: string; kind: 'value'; before: string; after: string };

export interface Paragraph {
  segments: Segment[];
  changed: boolean;
}

export type BodyLine = Paragraph | { skipped: number };

export interface VersionDiff {
  fields: FieldDiff[];
  /** Labels of the fields that did not change. */
  unchanged: string[];
  body: BodyLine[];
  bodyChanged: boolean;
}

type FieldKey = Exclude<keyof ReadableVersion, 'body'>;

const FIELDS: { key: FieldKey; label: string; kind: FieldDiff['kind'] }[] = [
  { key: 'title', label: 'Headline', kind: 'text' },
  { key: 'lead', label: 'Lead', kind: 'text' },
  { key: 'section', label: 'Section', kind: 'value' },
  { key: 'tags', label: 'Tags', kind: 'list' },
  { key: 'authors', label: 'Authors', kind: 'list' },
  { key: 'source', label: 'Source', kind: 'value' },
  { key: 'status', label: 'Status', kind: 'value' },
  { key: 'publishedAt', label: 'Publish time', kind: 'value' },
  { key: 'slug', label: 'URL slug', kind: 'value' },
  { key: 'featured', label: 'Featured', kind: 'value' },
  { key: 'seoTitle', label: 'SEO title', kind: 'text' },
  { key: 'seoDescription', label: 'SEO description', kind: 'text' },
];

/** Unchanged paragraphs kept around each change, so it reads in context. */
const CONTEXT = 1;

export function diffVersions(from: ReadableVersion, to: ReadableVersion): VersionDiff {
  const fields: FieldDiff[] = [];
  const unchanged: string[] = [];
  for (const { key, label, kind } of FIELDS) {
    const before = from[key];
    const after = to[key];
    if (JSON.stringify(before) === JSON.stringify(after)) {
      unchanged.push(label);
      continue;
    }
    if (kind === 'list') fields.push({ label, kind, items: listDiff(before as string[], after as string[]) });
    else if (kind === 'text') fields.push({ label, kind, segments: wordDiff(String(before), String(after)) });
    else fields.push({ label, kind, before: String(before), after: String(after) });
  }
  const paragraphs = bodyDiff(from.body, to.body);
  const bodyChanged = paragraphs.some((p) => p.changed);
  return { fields, unchanged, body: bodyChanged ? fold(paragraphs) : [], bodyChanged };
}

export function wordDiff(before: string, after: string): Segment[] {
  return diffWords(before, after).map((c) => ({
    text: c.value,
    kind: c.added ? 'ins' : c.removed ? 'del' : 'same',
  }));
}

/** Items kept, in the new order, then the ones removed. */
function listDiff(before: string[], after: string[]): Segment[] {
  return [
    ...after.map((text): Segment => ({ text, kind: before.includes(text) ? 'same' : 'ins' })),
    ...before.filter((text) => !after.includes(text)).map((text): Segment => ({ text, kind: 'del' })),
  ];
}

/**
 * Paragraphs compared as lines first; a run of changed paragraphs replaced
 * by as many new ones is compared word by word, pair by pair. Otherwise the
 * old ones show as removed and the new ones as added.
 */
export function bodyDiff(before: string, after: string): Paragraph[] {
  const parts = diffLines(`${before}\n`, `${after}\n`);
  const out: Paragraph[] = [];
  const lines = (value: string) => value.replace(/\n$/, '').split('\n');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if (part.removed && next?.added && lines(part.value).length === lines(next.value).length) {
      const added = lines(next.value);
      lines(part.value).forEach((line, n) => out.push({ segments: wordDiff(line, added[n]), changed: true }));
      i++;
    } else {
      const kind = part.added ? 'ins' : part.removed ? 'del' : 'same';
      for (const line of lines(part.value))
        out.push({ segments: [{ text: line, kind }], changed: kind !== 'same' });
    }
  }
  return out.filter((p) => p.segments.some((s) => s.text.trim() !== ''));
}

/**
 * Keeps changed paragraphs and CONTEXT either side; a longer unchanged run
 * becomes "n unchanged paragraphs" (a run of one is simply shown).
 */
function fold(paragraphs: Paragraph[]): BodyLine[] {
  const near = (i: number) =>
    paragraphs.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((p) => p.changed);
  const out: BodyLine[] = [];
  let hidden: Paragraph[] = [];
  const flush = () => {
    if (hidden.length === 1) out.push(hidden[0]);
    else if (hidden.length > 1) out.push({ skipped: hidden.length });
    hidden = [];
  };
  paragraphs.forEach((p, i) => {
    if (near(i)) {
      flush();
      out.push(p);
    } else hidden.push(p);
  });
  flush();
  return out;
}

import type { ArticleStatus } from '../../db/schema.js';
import { slugify } from '../../lib/slugify.js';
import type { BodyDoc } from '../body/body.types.js';
import type { BulkArticle } from '../bulk/bulk-writer.js';
import { namePool, type NamePool } from './names.js';
import { Random, zipf } from './random.js';
import { StoryWriter } from './story-writer.js';

/**
 * A synthetic newsroom and its archive, for benchmarks and scale tests
 * (`newsdesk generate`): 8 sections, 50 authors, 20 sources and about 2,000
 * tags whose use follows a Zipf curve (the most used tag is on about 45% of
 * articles, most tags on a handful), and articles spread over ten years up to
 * now, newest last, so ids follow time as they do on a real site.
 * Deterministic for a seed.
 */

export interface NewsroomPlan {
  sections: { slug: string; name: string; description: string; share: number }[];
  authors: { slug: string; name: string; bio: string }[];
  sources: { slug: string; name: string; url: string }[];
  /** Tag names, most used first. */
  tags: string[];
  /** Which tags name a person, place or organisation (the story is then about them). */
  namedTags: Set<string>;
}

export const TAG_COUNT = 2000;
/** Zipf exponent of tag use: with about five tags an article, the top tag lands on about 45% of articles. */
const TAG_ZIPF = 1.0;
const YEARS = 10;

const SECTIONS: [string, string, number][] = [
  ['news', 'News', 0.25],
  ['politics', 'Politics', 0.15],
  ['business', 'Business', 0.14],
  ['world', 'World', 0.14],
  ['sport', 'Sport', 0.1],
  ['culture', 'Culture', 0.09],
  ['science', 'Science', 0.07],
  ['opinion', 'Opinion', 0.06],
];

const SOURCE_KINDS = ['Press Agency', 'Radio', 'Daily', 'Herald', 'News Service', 'Wire', 'Post', 'Observer'];

/**
 * The newsroom for a seed, with the writer and the random stream its articles
 * are drawn from: the same streams in the same order wherever it is called,
 * so that a worker thread and the main thread agree without sending the plan.
 */
export function syntheticNewsroom(seed: number) {
  const root = new Random(seed);
  const names = namePool(root.fork());
  const plan = planNewsroom(root.fork(), names);
  const stories = new StoryWriter(root.fork(), names);
  return { plan, stories, random: root.fork() };
}

export function planNewsroom(random: Random, names: NamePool): NewsroomPlan {
  const sections = SECTIONS.map(([slug, name, share]) => ({
    slug,
    name,
    description: `${name}: reporting from the synthetic archive.`,
    share,
  }));
  const people = shuffled(random, names.people);
  const authors = people.slice(0, 50).map((name) => ({
    slug: slugOf(name),
    name,
    bio: `${name} writes for the synthetic archive.`,
  }));
  const places = shuffled(random, names.places);
  const sources = Array.from({ length: 20 }, (_, i) => {
    const name = `${places[i]} ${SOURCE_KINDS[i % SOURCE_KINDS.length]}`;
    return { slug: slugOf(name), name, url: `https://${slugOf(name)}.example.com` };
  });
  // The most used tags are broad topics and big places; the long tail is people,
  // organisations and small places, as on a real site.
  const topics = shuffled(random, names.topics).slice(0, 120);
  const named = [
    ...places.slice(20, 720),
    ...shuffled(random, names.organisations).slice(0, 500),
    ...people.slice(50, 730),
  ];
  const head = shuffled(random, [...topics, ...named.slice(0, 40)]);
  const tail = shuffled(random, named.slice(40));
  const tags = [...new Map([...head, ...tail].map((t) => [t.toLowerCase(), t])).values()].slice(0, TAG_COUNT);
  return { sections, authors, sources, tags, namedTags: new Set(named) };
}

export interface SyntheticArticle {
  title: string;
  lead: string;
  body: BodyDoc;
  /** Index into the plan's sections, tags, authors and sources. */
  section: number;
  tags: number[];
  authors: number[];
  source: number | null;
  status: ArticleStatus;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  featured: boolean;
  views: number;
  /** Views per site day (YYYY-MM-DD, UTC days) for articles of the last month. */
  dailyViews: [string, number][];
}

/** The article as the bulk path takes it (prepareArticle), its section, tags, authors and source still indexes into the plan. */
export function bulkInput(a: SyntheticArticle): BulkArticle {
  return {
    title: a.title,
    lead: a.lead,
    body: a.body,
    sectionId: a.section,
    sourceId: a.source,
    tagIds: a.tags,
    authorIds: a.authors,
    status: a.status,
    publishedAt: a.publishedAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    featured: a.featured,
    views: a.views,
  };
}

/**
 * The archive's articles in time order: `count` of them from ten years
 * before `now` up to it, plus a few scheduled for the coming days.
 */
export function* archiveArticles(
  random: Random,
  writer: StoryWriter,
  plan: NewsroomPlan,
  count: number,
  now: Date,
): Generator<SyntheticArticle, void, undefined> {
  const end = now.getTime() - 60_000;
  const start = end - YEARS * 365.25 * 86_400_000;
  const tagDraw = zipf(plan.tags.length, TAG_ZIPF);
  const authorDraw = zipf(plan.authors.length, 0.8);
  const sourceDraw = zipf(plan.sources.length, 1.0);
  const shares = plan.sections.map((s) => s.share);
  const scheduled = Math.min(5, Math.max(1, Math.floor(count / 1000)));
  for (let i = 0; i < count; i++) {
    const future = i >= count - scheduled;
    const at = future
      ? now.getTime() + (i - (count - scheduled) + 1) * 6 * 3600_000
      : start + ((i + random.next()) / (count - scheduled)) * (end - start);
    yield article(random, writer, plan, {
      at,
      now: now.getTime(),
      future,
      tagDraw,
      authorDraw,
      sourceDraw,
      shares,
    });
  }
}

function article(
  random: Random,
  writer: StoryWriter,
  plan: NewsroomPlan,
  o: {
    at: number;
    now: number;
    future: boolean;
    tagDraw: (r: Random) => number;
    authorDraw: (r: Random) => number;
    sourceDraw: (r: Random) => number;
    shares: number[];
  },
): SyntheticArticle {
  const tags = new Set<number>();
  const wanted = random.int(2, 8);
  for (let n = 0; tags.size < wanted && n < 40; n++) tags.add(o.tagDraw(random));
  // The rarest tags first: editors put the specific before the general.
  const tagList = [...tags].sort((a, b) => b - a);
  const subjects = tagList.map((t) => plan.tags[t]).filter((name) => plan.namedTags.has(name));
  const story = writer.story({ subjects: subjects.length ? subjects : [plan.tags[tagList[0]]] });
  const authors = new Set([o.authorDraw(random)]);
  if (random.chance(0.15)) authors.add(o.authorDraw(random));
  const ageDays = (o.now - o.at) / 86_400_000;
  const status: ArticleStatus = o.future
    ? 'scheduled'
    : ageDays < 30 && random.chance(0.08)
      ? random.chance(0.7)
        ? 'draft'
        : 'review'
      : random.chance(0.003)
        ? 'unpublished'
        : 'published';
  const time = new Date(o.at).toISOString();
  const edited = random.chance(0.2) ? new Date(Math.min(o.now, o.at + random.int(1, 48) * 3600_000)) : null;
  const views = status === 'published' ? Math.floor(Math.exp(3.5 + 1.6 * gaussian(random))) : 0;
  return {
    ...story,
    section: pickShare(random, o.shares),
    tags: tagList,
    authors: [...authors],
    source: random.chance(0.4) ? null : o.sourceDraw(random),
    status,
    publishedAt: status === 'draft' || status === 'review' ? null : time,
    createdAt: time,
    updatedAt: edited && edited.getTime() > o.at ? edited.toISOString() : time,
    featured: status === 'published' && random.chance(0.01),
    views,
    dailyViews: status === 'published' && ageDays < 30 ? spread(views, o.at, o.now) : [],
  };
}

/** An article's views over the days since it appeared, most on its first day, halving daily. */
function spread(views: number, at: number, now: number): [string, number][] {
  const days: [string, number][] = [];
  let left = views;
  for (let t = at; t <= now && left > 0; t += 86_400_000) {
    const share = days.length === 29 ? left : Math.ceil(left / 2);
    days.push([new Date(t).toISOString().slice(0, 10), share]);
    left -= share;
  }
  return days;
}

function pickShare(random: Random, shares: number[]): number {
  let x = random.next();
  for (const [i, share] of shares.entries()) {
    if (x < share) return i;
    x -= share;
  }
  return shares.length - 1;
}

function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function slugOf(name: string): string {
  return slugify(name);
}

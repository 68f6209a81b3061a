import type { Db } from '../../db/database.js';
import { importDailyViews, setViewCount } from '../../views/index.js';
import { localDay, zonedTimeToUtc } from '../../lib/dateline.js';
import {
  addCorrection,
  createArticle,
  updateArticle,
  type ServiceContext,
} from '../articles/articles.service.js';
import { saveSettings } from '../settings/settings.js';
import { SYSTEM } from '../users/permissions.js';
import { hasSections, insertAuthor, insertSection, insertSource } from '../taxonomy/taxonomy.repository.js';
import { articlesA } from './articles-a.js';
import { articlesB } from './articles-b.js';
import type { MediaStore } from '../media/media.storage.js';
import { seedDemoImages } from './demo-images.js';
import { markupToDoc } from './demo-markup.js';
import { DEMO_AUTHORS, DEMO_SECTIONS, DEMO_SOURCES } from './demo-people.js';
import type { DemoArticle } from './demo.types.js';

export const DEMO_TIME_ZONE = 'Europe/Sofia';
/** The demo's top story: the article the project's seed page reports. */
export const DEMO_TOP_STORY = 'nato-rejects-russia-withdrawal-demand';

export function demoArticles(): DemoArticle[] {
  return [...articlesA, ...articlesB];
}

/** Whether the site has no content yet, so demo content may be added. */
export async function isEmptySite(db: Db): Promise<boolean> {
  return !(await hasSections(db));
}

/**
 * Fills an empty site with the demo newsroom: settings, sections, authors,
 * sources and about sixty articles, through the same services editors use.
 * Phases: settings and taxonomy, pictures (when given a media store),
 * articles in date order (so inline related blocks can point backwards), then
 * forward references and picks, then corrections, then readership. Returns the
 * article ids by demo key.
 */
export async function seedDemo(ctx: ServiceContext, store?: MediaStore): Promise<Map<string, number>> {
  const { db } = ctx;
  await saveSettings(db, {
    name: 'The Sofia Ledger',
    tagline: 'News from Bulgaria and the region, in English',
    timeZone: DEMO_TIME_ZONE,
    social: { twitter: 'https://twitter.com/sofialedger', facebook: 'https://www.facebook.com/sofialedger' },
    support: {
      appeal:
        'We need your support so The Sofia Ledger can keep delivering news and information about Bulgaria! Thank you!',
      linkText: 'Support The Sofia Ledger',
      pageTitle: 'Support independent news from Bulgaria',
      pageText:
        'The Sofia Ledger is written by a small team of editors and reporters and is free to read for everyone.\n\nReader contributions pay for reporting trips, translations and the servers this site runs on. Every contribution, small or large, keeps the site independent of owners and advertisers.',
      donateUrl: '',
    },
  });
  for (const [position, s] of DEMO_SECTIONS.entries()) await insertSection(db, { ...s, position });
  for (const a of DEMO_AUTHORS) await insertAuthor(db, { slug: a.key, name: a.name, bio: a.bio });
  for (const s of DEMO_SOURCES) await insertSource(db, { slug: s.key, name: s.name, url: s.url });

  // Pictures first, so the articles can carry them from their first revision.
  const images = store ? await seedDemoImages(ctx, store) : new Map<string, number>();
  const articles = demoArticles().sort((a, b) => a.published.localeCompare(b.published));
  const ids = new Map<string, number>();
  const deferred: DemoArticle[] = [];
  const PLACEHOLDER = Number.MAX_SAFE_INTEGER;
  for (const demo of articles) {
    const forward = [...demo.body.matchAll(/\[\[related:([a-z0-9-]+)\]\]/g)].some((m) => !ids.has(m[1]));
    const body = markupToDoc(demo.body, (key) => ids.get(key) ?? PLACEHOLDER);
    const article = await createArticle(ctx, SYSTEM, {
      ...fields(demo, ctx, images),
      body: forward
        ? { type: 'doc', content: body.content.filter((b) => b.type !== 'relatedArticle') }
        : body,
    });
    ids.set(demo.key, article.id);
    if (forward || demo.picks?.length) deferred.push(demo);
  }
  // Second pass: blocks and picks that point at articles published later.
  for (const demo of deferred) {
    await updateArticle(
      ctx,
      SYSTEM,
      ids.get(demo.key)!,
      {
        ...fields(demo, ctx, images),
        body: markupToDoc(demo.body, (key) => ids.get(key)),
        picks: (demo.picks ?? []).map((key) => {
          const id = ids.get(key);
          if (id === undefined) throw new Error(`demo article ${demo.key}: no pick with key "${key}"`);
          return id;
        }),
      },
      { minor: true },
    );
  }
  for (const demo of articles) {
    for (const c of demo.corrections ?? []) {
      await addCorrection(ctx, SYSTEM, ids.get(demo.key)!, c.text, {
        at: zonedTimeToUtc(c.at, DEMO_TIME_ZONE),
      });
    }
  }
  await seedReadership(ctx, [...ids.values()]);
  return ids;
}

/**
 * Demo readership, so most-read lists are not empty on a new demo site: a
 * deterministic spread of daily views over the last seven days, heavier for
 * the top story and its neighbours.
 */
async function seedReadership(ctx: ServiceContext, ids: number[]): Promise<void> {
  const days = Array.from({ length: 7 }, (_, i) =>
    localDay(new Date(ctx.now().getTime() - i * 86_400_000), DEMO_TIME_ZONE),
  );
  await ctx.db.transaction().execute(async (trx) => {
    const daily = ids.flatMap((id, index) => {
      const weight = ((index * 7919) % 97) + 3;
      return days.map((day, i) => ({ articleId: id, day, views: Math.round((weight * (7 - i)) / 2) }));
    });
    // Counted views go where the view counter puts them: per day, per site day, the week's roll-up.
    await importDailyViews(trx, daily, days[days.length - 1]);
    for (const [index, id] of ids.entries()) {
      const weight = ((index * 7919) % 97) + 3;
      const recent = daily.filter((d) => d.articleId === id).reduce((sum, d) => sum + d.views, 0);
      await setViewCount(trx, id, recent + weight * 40);
    }
  });
}

function fields(demo: DemoArticle, ctx: ServiceContext, images: Map<string, number>) {
  let publishedAt = zonedTimeToUtc(demo.published, DEMO_TIME_ZONE);
  // A scheduled demo article waits for a time still to come, a year from now.
  if (demo.status === 'scheduled' && publishedAt <= ctx.now()) {
    publishedAt = new Date(ctx.now().getTime() + 365 * 86_400_000);
  }
  return {
    title: demo.title,
    lead: demo.lead,
    section: demo.section,
    tags: demo.tags,
    authors: demo.authors,
    source: demo.source ?? null,
    status: demo.status ?? 'published',
    publishedAt: publishedAt.toISOString(),
    slug: undefined,
    featured: demo.key === DEMO_TOP_STORY,
    featuredImage: images.get(demo.key) ?? null,
  } as const;
}

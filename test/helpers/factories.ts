import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest, openDatabase, type Db } from '../../src/db/database.js';
import {
  type Article,
  type ArticleInput,
  ContentEvents,
  createArticle,
  insertAuthor,
  insertSection,
  insertSource,
  type ServiceContext,
  SYSTEM,
} from '../../src/content/index.js';

/** A fresh, migrated SQLite database in its own temporary folder, removed by `close()`. */
export async function tempDatabase(): Promise<{ db: Db; dataDir: string; close: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-test-'));
  const db = openDatabase({ dataDir });
  await migrateToLatest(db);
  return {
    db,
    dataDir,
    close: async () => {
      await db.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A service context on `db` with a clock the test controls. */
export function serviceContext(db: Db, now = new Date()): ServiceContext & { clock: { now: Date } } {
  const clock = { now };
  return { db, events: new ContentEvents(), now: () => clock.now, clock };
}

/** Sections `news` and `sport`, author `jane-doe`, source `agency`. */
export async function seedTaxonomy(db: Db): Promise<void> {
  await insertSection(db, { slug: 'news', name: 'News', description: '', position: 0 });
  await insertSection(db, { slug: 'sport', name: 'Sport', description: '', position: 1 });
  await insertAuthor(db, { slug: 'jane-doe', name: 'Jane Doe', bio: '' });
  await insertSource(db, { slug: 'agency', name: 'Agency', url: 'https://agency.example' });
}

/** A body of plain paragraphs. */
export function paragraphs(...texts: string[]) {
  return {
    type: 'doc',
    content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

/** A published article in section `news`, one hour before the context's now unless given. */
export async function publishedArticle(
  ctx: ServiceContext,
  input: Partial<ArticleInput> = {},
): Promise<Article> {
  return createArticle(ctx, SYSTEM, {
    title: 'An article',
    lead: 'Its lead.',
    body: paragraphs('Its body.'),
    section: 'news',
    status: 'published',
    publishedAt: new Date(ctx.now().getTime() - 3600_000).toISOString(),
    ...input,
  });
}

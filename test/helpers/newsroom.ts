import type { FastifyInstance } from 'fastify';
import {
  actorOf,
  createArticle,
  saveSettings,
  type ArticleInput,
  type User,
} from '../../src/content/index.js';
import { makeUser, signIn, type AdminSession } from './admin-session.js';
import { buildTestApp, type CleanUp, type TestApp } from './build-app.js';
import { paragraphs, seedTaxonomy } from './factories.js';

type Writer = 'contributor' | 'author' | 'editor';

export interface Newsroom extends TestApp {
  users: Record<Writer, User>;
  /** Each of them signed in. */
  as: Record<Writer, AdminSession>;
}

/**
 * A newsroom on Sofia time at `now`, with the seed sections, an administrator,
 * and a contributor, an author and an editor, all three signed in.
 */
export async function newsroom(t: CleanUp, now: Date): Promise<Newsroom> {
  const built = await buildTestApp(t, { now });
  const { app } = built;
  await seedTaxonomy(app.services.db);
  await saveSettings(app.services.db, { timeZone: 'Europe/Sofia' });
  await makeUser(app, 'admin');
  const users = {
    contributor: await makeUser(app, 'contributor'),
    author: await makeUser(app, 'author'),
    editor: await makeUser(app, 'editor'),
  };
  const as = {
    contributor: await signIn(app, 'contributor@example.org'),
    author: await signIn(app, 'author@example.org'),
    editor: await signIn(app, 'editor@example.org'),
  };
  return { ...built, users, as };
}

/** An article in News by `user`, its body one paragraph; `input` sets the rest (status, dates…). */
export function articleBy(
  app: FastifyInstance,
  user: User,
  input: Partial<ArticleInput> & { title: string },
) {
  return createArticle(app.services.content, actorOf(user), {
    section: 'news',
    body: paragraphs(`${input.title} body.`),
    ...input,
  });
}

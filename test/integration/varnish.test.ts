/**
 * A real Varnish (Debian's varnish with varnish-modules' xkey) in front of
 * Newsdesk on 127.0.0.1, configured by docs/varnish/default.vcl and purged
 * by Newsdesk (PURGE_STYLE=varnish-xkey): after publishing, editing and
 * unpublishing through the admin API, Varnish serves the new state on the
 * next request of every page that showed the article, and still serves the
 * pages that did not from its cache (its X-Varnish-Cache header tells).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { savableFields } from '../../src/admin/routes/articles.api.js';
import { makeUser, signIn } from '../helpers/admin-session.js';
import { buildTestApp } from '../helpers/build-app.js';
import { paragraphs, seedTaxonomy } from '../helpers/factories.js';
import { freePort } from '../helpers/ports.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const VCL = path.join(ROOT, 'docs', 'varnish', 'default.vcl');

function installed(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// Skipped with a reason on a machine without Varnish; under CI (.ci/run installs it) a missing one fails.
const VARNISH =
  installed('varnishd') || process.env.CI
    ? undefined
    : 'varnishd is not installed (apt-get install varnish varnish-modules; .ci/run does)';

test(
  'Varnish in front: every page that showed a change is purged, the others stay cached',
  { skip: VARNISH },
  async (t) => {
    const varnishPort = await freePort();
    const { app } = await buildTestApp(t, {
      config: {
        purge: {
          style: 'varnish-xkey',
          url: `http://127.0.0.1:${varnishPort}`,
          token: undefined,
          zone: undefined,
        },
      },
    });
    await seedTaxonomy(app.services.db);
    await makeUser(app, 'editor');
    const editor = await signIn(app, 'editor@example.org');
    const appPort = await freePort();
    await app.listen({ host: '127.0.0.1', port: appPort });

    // Varnish, with the shipped VCL pointed at this app.
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-varnish-'));
    fs.chmodSync(work, 0o755);
    const vcl = path.join(work, 'default.vcl');
    fs.writeFileSync(vcl, fs.readFileSync(VCL, 'utf8').replace('.port = "3000"', `.port = "${appPort}"`));
    fs.chmodSync(vcl, 0o644);
    const varnish = spawn(
      'varnishd',
      ['-F', '-a', `127.0.0.1:${varnishPort}`, '-f', vcl, '-n', path.join(work, 'n'), '-s', 'malloc,32m'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let log = '';
    varnish.stdout.on('data', (d) => (log += d));
    varnish.stderr.on('data', (d) => (log += d));
    t.after(async () => {
      const exited = new Promise((resolve) => varnish.once('exit', resolve));
      varnish.kill('SIGTERM');
      await exited;
      fs.rmSync(work, { recursive: true, force: true });
    });
    const front = `http://127.0.0.1:${varnishPort}`;
    const deadline = Date.now() + 20_000;
    for (;;) {
      const answer = await fetch(`${front}/`).catch(() => undefined);
      if (answer?.status === 200) break;
      if (Date.now() > deadline) throw new Error(`Varnish did not answer:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const create = async (payload: Record<string, unknown>) => {
      const response = await editor.inject({
        method: 'POST',
        url: '/api/admin/articles',
        payload: { lead: 'A standfirst.', body: paragraphs('A paragraph.'), status: 'published', ...payload },
      });
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as { id: number; path: string } & Record<string, unknown>;
    };
    const floods = await create({ title: 'River floods the lower town', section: 'news', tags: ['Floods'] });
    const football = await create({
      title: 'Cup final goes to penalties',
      section: 'sport',
      tags: ['Football'],
    });
    await app.services.related.idle();
    await app.services.purger!.idle();

    const get = async (url: string) => {
      const response = await fetch(front + url);
      return {
        status: response.status,
        varnish: response.headers.get('x-varnish-cache'),
        body: await response.text(),
      };
    };
    /** Each page through Varnish until it is a Varnish hit. */
    const warm = async (urls: string[]) => {
      for (const url of urls) {
        await get(url);
        const again = await get(url);
        assert.equal(again.varnish, 'HIT', `${url} cached by Varnish`);
      }
    };
    const settle = () => app.services.purger!.idle();

    const lists = ['/', '/sections/news', '/tags/floods', '/feed.xml'];
    const unrelated = [football.path, '/tags/football', '/sections/sport'];

    // Edit: the article's page and every list showing it; not the others.
    await warm([floods.path, ...lists, ...unrelated]);
    const current = (await editor.inject(`/api/admin/articles/${floods.id}`)).json();
    const fields = savableFields(current);
    const saved = await editor.inject({
      method: 'PUT',
      url: `/api/admin/articles/${floods.id}`,
      payload: { ...fields, title: 'River floods the lower town and the port' },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    await settle();
    for (const url of [floods.path, ...lists]) {
      const page = await get(url);
      assert.equal(page.varnish, 'MISS', `edit: ${url} purged`);
      assert.match(page.body, /and the port/, `edit: ${url} shows the new headline`);
    }
    for (const url of unrelated) assert.equal((await get(url)).varnish, 'HIT', `edit: ${url} still cached`);

    // Publish: the lists it joins.
    await warm(lists);
    await create({ title: 'Second wave of floods expected', section: 'news', tags: ['Floods'] });
    await settle();
    for (const url of lists) {
      const page = await get(url);
      assert.equal(page.varnish, 'MISS', `publish: ${url} purged`);
      assert.match(page.body, /Second wave of floods expected/, `publish: ${url} lists it`);
    }
    for (const url of unrelated)
      assert.equal((await get(url)).varnish, 'HIT', `publish: ${url} still cached`);

    // Unpublish: gone from its page and every list.
    await warm([floods.path, ...lists]);
    const latest = (await editor.inject(`/api/admin/articles/${floods.id}`)).json();
    const unpublished = await editor.inject({
      method: 'PUT',
      url: `/api/admin/articles/${floods.id}`,
      payload: { ...fields, title: latest.title, version: latest.version, status: 'draft' },
    });
    assert.equal(unpublished.statusCode, 200, unpublished.body);
    await settle();
    assert.equal((await get(floods.path)).status, 404, 'unpublish: its page is gone');
    for (const url of lists) {
      const page = await get(url);
      assert.equal(page.varnish, 'MISS', `unpublish: ${url} purged`);
      assert.doesNotMatch(page.body, /River floods the lower town/, `unpublish: ${url} no longer lists it`);
    }
    for (const url of unrelated)
      assert.equal((await get(url)).varnish, 'HIT', `unpublish: ${url} still cached`);
    assert.equal(app.services.purger!.stats.failed, 0);
  },
);

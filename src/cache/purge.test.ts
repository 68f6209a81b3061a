import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, test } from 'node:test';
import type { PurgeSettings } from '../config.js';
import { Purger } from './purge.js';
import { listenLocally } from '../../test/helpers/ports.js';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local HTTP server that records what it is sent and answers with `statuses` in turn (then 200). */
async function recorder(t: { after: (fn: () => unknown) => void }, statuses: number[] = []) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.statusCode = statuses.shift() ?? 200;
      res.end('{}');
    });
  });
  const url = await listenLocally(server);
  t.after(() => new Promise((resolve) => server.close(resolve)));
  return { seen, url };
}

function logger() {
  const lines: { level: string; msg: string }[] = [];
  return {
    lines,
    log: {
      error: (_obj: object, msg: string) => void lines.push({ level: 'error', msg }),
      warn: (_obj: object, msg: string) => void lines.push({ level: 'warn', msg }),
    },
  };
}

function purger(settings: PurgeSettings, log = logger().log) {
  return new Purger({ settings, log, gatherMs: 1, retryMs: 5, attempts: 3 });
}

describe('purging the cache in front', () => {
  test('varnish-xkey: one PURGE naming every key of the changes made together', async (t) => {
    const server = await recorder(t);
    const p = purger({ style: 'varnish-xkey', url: server.url, token: undefined, zone: undefined });
    p.purge(['article-1', 'list-all']);
    p.purge(['list-all', 'tag-3']);
    await p.idle();
    assert.equal(server.seen.length, 1);
    assert.equal(server.seen[0].method, 'PURGE');
    assert.equal(server.seen[0].headers['xkey-purge'], 'article-1 list-all tag-3');
  });

  test('fastly, cloudflare and bunny: each API as it asks', async (t) => {
    const server = await recorder(t);
    const keys = ['article-1', 'list-all'];
    for (const style of ['fastly', 'cloudflare', 'bunny'] as const) {
      const p = purger({ style, url: server.url, token: 'secret', zone: 'z1' });
      p.purge(keys);
      await p.idle();
    }
    const [fastly, cloudflare, bunnyA, bunnyB] = server.seen;
    assert.deepEqual([fastly.method, fastly.url], ['POST', '/service/z1/purge']);
    assert.equal(fastly.headers['fastly-key'], 'secret');
    assert.equal(fastly.headers['surrogate-key'], 'article-1 list-all');
    assert.deepEqual([cloudflare.method, cloudflare.url], ['POST', '/zones/z1/purge_cache']);
    assert.equal(cloudflare.headers.authorization, 'Bearer secret');
    assert.deepEqual(JSON.parse(cloudflare.body), { tags: keys });
    assert.deepEqual([bunnyA.url, bunnyA.headers.accesskey], ['/pullzone/z1/purgeCache', 'secret']);
    assert.deepEqual(
      [JSON.parse(bunnyA.body), JSON.parse(bunnyB.body)],
      [{ CacheTag: 'article-1' }, { CacheTag: 'list-all' }],
    );
  });

  test('a failed purge is retried, and logged', async (t) => {
    const server = await recorder(t, [503, 500]);
    const { lines, log } = logger();
    const p = purger({ style: 'varnish-xkey', url: server.url, token: undefined, zone: undefined }, log);
    p.purge(['article-9']);
    await p.idle();
    assert.equal(server.seen.length, 3);
    assert.deepEqual(p.stats, { sent: 1, failed: 0 });
    assert.deepEqual(
      lines.map((l) => l.level),
      ['warn', 'warn'],
    );
  });

  test('a purge that keeps failing is given up on with an error, and never throws', async (t) => {
    const server = await recorder(t, [500, 500, 500]);
    const { lines, log } = logger();
    const p = purger({ style: 'fastly', url: server.url, token: 't', zone: 'z' }, log);
    assert.doesNotThrow(() => p.purge(['settings']));
    await p.idle();
    assert.deepEqual(p.stats, { sent: 0, failed: 1 });
    assert.equal(lines.at(-1)?.level, 'error');
    assert.match(lines.at(-1)!.msg, /purge failed/);
  });
});

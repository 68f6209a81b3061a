import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_OUTBOUND, fetchOutbound, OutboundError, type OutboundPolicy } from './outbound.js';
import { listenLocally } from '../../test/helpers/ports.js';

/**
 * A local server on 127.0.0.1 playing every part: a feed, redirects (to
 * itself, to loopback by name, in a loop), a slow answer and a huge one.
 * The default policy refuses it, being loopback; tests that need it allow
 * 127.0.0.1/32, as a newsroom would for a partner on its own network.
 */
describe('the outbound policy', () => {
  let server: http.Server;
  let base: string;
  let port: number;
  const local: OutboundPolicy = {
    ...DEFAULT_OUTBOUND,
    allow: ['127.0.0.1/32'],
    timeoutMs: 2000,
    maxBytes: 64 * 1024,
  };

  before(async () => {
    server = http.createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      if (url.pathname === '/feed') {
        if (request.headers['if-none-match'] === '"v1"') return response.writeHead(304).end();
        response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' });
        return response.end('<rss version="2.0"><channel><title>Wire</title></channel></rss>');
      }
      if (url.pathname === '/hop') {
        const n = Number(url.searchParams.get('n'));
        return response.writeHead(302, { location: n > 0 ? `/hop?n=${n - 1}` : '/feed' }).end();
      }
      if (url.pathname === '/to')
        return response.writeHead(301, { location: url.searchParams.get('url')! }).end();
      if (url.pathname === '/slow') return setTimeout(() => response.end('late'), 5000).unref();
      if (url.pathname === '/huge') {
        response.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(16 * 1024, 'a');
        let sent = 0;
        const pump = () => {
          while (sent < 100 && response.write(chunk)) sent++;
          if (sent < 100) response.once('drain', pump);
          else response.end();
        };
        return pump();
      }
      response.writeHead(404).end();
    });
    base = await listenLocally(server);
    port = Number(new URL(base).port);
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const refused = async (promise: Promise<unknown>, problem: OutboundError['problem'], message: RegExp) => {
    await assert.rejects(promise, (error: unknown) => {
      assert.ok(error instanceof OutboundError, String(error));
      assert.equal(error.problem, problem, error.message);
      assert.match(error.message, message);
      return true;
    });
  };

  test('fetches within the policy, with conditional GET and redirects followed', async () => {
    const feed = await fetchOutbound(`${base}/feed`, local);
    assert.equal(feed.status, 200);
    assert.equal(feed.headers.etag, '"v1"');
    assert.match(feed.body.toString(), /<title>Wire<\/title>/);
    const unchanged = await fetchOutbound(`${base}/feed`, local, { 'if-none-match': '"v1"' });
    assert.equal(unchanged.status, 304);
    const moved = await fetchOutbound(`${base}/hop?n=4`, local);
    assert.equal(moved.status, 200);
    assert.equal(moved.url, `${base}/feed`);
  });

  test('refuses loopback, private, link-local and metadata addresses, by number or by name', async () => {
    for (const url of [
      `${base}/feed`,
      'http://10.0.0.7/',
      'http://192.168.1.1/',
      'http://172.16.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://100.64.0.1/',
      'http://0.0.0.0/',
      'http://[::1]/',
      'http://[fd00::1]/',
      'http://[fe80::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::127.0.0.1]/',
      'http://[64:ff9b::7f00:1]/',
      `http://localhost:${port}/feed`,
    ])
      await refused(
        fetchOutbound(url, DEFAULT_OUTBOUND),
        'address',
        /is at .+, a .+ address: Newsdesk fetches only from public addresses/,
      );
  });

  test('a redirect to a refused address is refused at that hop, named', async () => {
    const policy: OutboundPolicy = { ...local, allow: ['127.0.0.1/32'] };
    // The first hop is allowed (127.0.0.1), the next names loopback through "localhost" on IPv6 or metadata.
    await refused(
      fetchOutbound(
        `${base}/to?url=${encodeURIComponent('http://169.254.169.254/latest/meta-data/')}`,
        policy,
      ),
      'address',
      /169\.254\.169\.254 .*link-local/,
    );
    await refused(
      fetchOutbound(`${base}/to?url=${encodeURIComponent('http://[::1]:1/')}`, policy),
      'address',
      /loopback/,
    );
    await refused(
      fetchOutbound(`${base}/to?url=${encodeURIComponent('file:///etc/passwd')}`, policy),
      'url',
      /only http and https addresses are fetched/,
    );
  });

  test('refuses other schemes, credentials, too many redirects, slow and huge answers', async () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://wire.example/feed',
      'gopher://x.example/',
      'javascript:alert(1)',
    ])
      await refused(fetchOutbound(url, local), 'url', /only http and https addresses are fetched/);
    await refused(fetchOutbound('not a url', local), 'url', /is not a web address/);
    await refused(fetchOutbound('http://user:secret@wire.example/', local), 'url', /user name or password/);
    await refused(fetchOutbound(`${base}/hop?n=5`, local), 'redirects', /more than 5 redirects/);
    await refused(
      fetchOutbound(`${base}/slow`, { ...local, timeoutMs: 300 }),
      'timeout',
      /no complete answer within 0\.3 s/,
    );
    await refused(fetchOutbound(`${base}/huge`, local), 'too-large', /more than the 65536 bytes allowed/);
  });
});

test('the caller’s headers stay with its own origin across redirects', async () => {
  const seen: Record<string, string | undefined>[] = [];
  const other = http.createServer((request, response) => {
    seen.push({ authorization: request.headers.authorization, host: request.headers.host });
    response.end('ok');
  });
  const otherPort = new URL(await listenLocally(other)).port;
  const first = http.createServer((request, response) => {
    seen.push({ authorization: request.headers.authorization, host: request.headers.host });
    response.writeHead(302, { location: `http://localhost:${otherPort}/` }).end();
  });
  const firstBase = await listenLocally(first);
  try {
    const policy = { ...DEFAULT_OUTBOUND, allow: ['127.0.0.1/32'] };
    const answer = await fetchOutbound(`${firstBase}/`, policy, {
      authorization: 'Bearer partner-key',
    });
    assert.equal(answer.body.toString(), 'ok');
    assert.equal(seen[0].authorization, 'Bearer partner-key');
    assert.equal(seen[1].authorization, undefined, 'not sent to another origin');
  } finally {
    first.close();
    other.close();
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressKey } from '../../src/plugins/address-budget.js';
import { buildTestApp } from '../helpers/build-app.js';
import { publishedArticle, seedTaxonomy } from '../helpers/factories.js';
import { ALL_TIME_VIEWS } from '../../src/content/articles/articles.repository.js';

const READER = '203.0.113.7';
const NEIGHBOUR = '198.51.100.9';

test('one address that floods search is told to wait; everyone else, and this machine, still get answers', async (t) => {
  const { app, clock } = await buildTestApp(t, { config: { searchPerMinute: 6 } });
  const search = (q: string, remoteAddress = READER) =>
    app.inject({ url: `/search?q=${encodeURIComponent(q)}`, remoteAddress });
  // A burst of 10 (a third of a minute's worth, at least 10), each a new query the server must run.
  for (let i = 0; i < 10; i++) assert.equal((await search(`flood ${i}`)).statusCode, 200, `search ${i}`);
  const refused = await search('flood 10');
  assert.equal(refused.statusCode, 429);
  assert.equal(refused.headers['retry-after'], '10');
  assert.equal(refused.headers['cache-control'], 'no-store');
  assert.match(refused.body, /too many requests from your address: try again in 10 seconds/);
  assert.equal((await search('flood 0', NEIGHBOUR)).statusCode, 200, 'another reader');
  for (let i = 0; i < 30; i++) assert.equal((await search(`local ${i}`, '127.0.0.1')).statusCode, 200);
  // The budget refills at its rate: 6 a minute is one every 10 seconds.
  clock.now = new Date(clock.now.getTime() + 10_000);
  assert.equal((await search('after a wait')).statusCode, 200);
  assert.equal((await search('and again')).statusCode, 429);
});

test('answers from the page cache spend the budget too', async (t) => {
  const { app } = await buildTestApp(t, { config: { searchPerMinute: 6 } });
  const search = (remoteAddress: string) => app.inject({ url: '/search?q=budget', remoteAddress });
  assert.equal((await search(NEIGHBOUR)).headers['x-cache'], 'miss');
  const answers = [];
  for (let i = 0; i < 11; i++) answers.push(await search(READER));
  assert.deepEqual(
    answers.map((r) => `${r.statusCode} ${r.headers['x-cache'] ?? ''}`),
    [...Array(10).fill('200 hit'), '429 '],
  );
});

test('beacons from one address beyond its budget are refused and not counted', async (t) => {
  const { app } = await buildTestApp(t, { config: { beaconsPerMinute: 30 } });
  await seedTaxonomy(app.services.db);
  const article = await publishedArticle(app.services.content);
  const beacon = (i: number) =>
    app.inject({
      method: 'POST',
      url: `/api/articles/${article.id}/views`,
      remoteAddress: READER,
      headers: { 'user-agent': `Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0.${i}.0 Safari/537.36` },
    });
  const answers = [];
  for (let i = 0; i < 12; i++) answers.push(await beacon(i));
  assert.deepEqual(
    answers.map((r) => r.statusCode),
    [...Array(10).fill(202), 429, 429],
  );
  assert.deepEqual(answers[10].json().error.code, 'RATE_LIMITED');
  await app.services.views.flush();
  const row = await app.services.db
    .selectFrom('articles')
    .select(ALL_TIME_VIEWS.as('view_count'))
    .where('id', '=', article.id)
    .executeTakeFirstOrThrow();
  assert.equal(row.view_count, answers.filter((r) => r.statusCode === 202 && r.json().counted).length);
  assert.ok(row.view_count > 0);
});

test('the address a budget counts: IPv4 as it is, IPv6 by its /64, loopback not at all', () => {
  assert.equal(addressKey('203.0.113.7'), '203.0.113.7');
  assert.equal(addressKey('::ffff:203.0.113.7'), '203.0.113.7');
  assert.equal(addressKey('2001:db8:a:b:1:2:3:4'), '2001:db8:a:b::/64');
  assert.equal(addressKey('2001:0db8:000a:000b::9'), '2001:db8:a:b::/64');
  assert.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(addressKey('127.0.0.1'), undefined);
  assert.equal(addressKey('::1'), undefined);
  assert.equal(addressKey('::ffff:127.0.0.1'), undefined);
});

test('behind a proxy, the address counted is the one the proxy added, not what the client wrote', async (t) => {
  const { app } = await buildTestApp(t, { config: { searchPerMinute: 6, trustProxy: 1 } });
  const PROXY = '203.0.113.50';
  const search = (i: number, forwarded: string) =>
    app.inject({
      url: `/search?q=spoof+${i}`,
      remoteAddress: PROXY,
      headers: { 'x-forwarded-for': forwarded },
    });
  // A client writing a new address each time, and the proxy appending its real one: one budget.
  const spoofing = [];
  for (let i = 0; i < 11; i++) spoofing.push((await search(i, `10.9.8.${i}, ${READER}`)).statusCode);
  assert.deepEqual(spoofing, [...Array(10).fill(200), 429]);
  // One that claims to be this machine is counted too.
  const local = [];
  for (let i = 0; i < 11; i++) local.push((await search(100 + i, '127.0.0.1')).statusCode);
  assert.deepEqual(local, [...Array(10).fill(200), 429]);
});

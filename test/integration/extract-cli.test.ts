import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { listenLocally } from '../helpers/ports.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/extract');

/** Runs `newsdesk extract …` without blocking this process (a test's server must answer meanwhile). */
async function extract(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['bin/newsdesk.js', 'extract', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('newsdesk extract FILE prints the article; --json gives every field', async () => {
  const text = await extract([path.join(FIXTURES, 'harbour-wire.html'), '--time-zone', 'Europe/Sofia']);
  assert.equal(text.code, 0, text.stderr);
  const [head, ...rest] = text.stdout.trim().split('\n\n');
  assert.deepEqual(head.split('\n'), [
    'Harbour authority approves a second ferry line to the islands',
    'By Elena Petrova',
    '2025-03-14T07:30:00.000Z',
    'Section: Economy',
    'Tags: Varna, Ferries, Transport',
  ]);
  assert.equal(
    rest[0],
    'The harbour authority has approved a second passenger ferry line, to run from June.',
  );
  assert.equal(rest.filter((p) => p === rest[0]).length, 1, 'the lead once');
  assert.equal(rest.at(-1), 'The councils said they would ask next for a night crossing on Fridays.');

  const json = await extract([
    path.join(FIXTURES, 'partner-1251.html'),
    '--json',
    '--time-zone',
    'Europe/Sofia',
  ]);
  assert.equal(json.code, 0, json.stderr);
  const article = JSON.parse(json.stdout);
  assert.deepEqual(Object.keys(article), [
    'title',
    'byline',
    'published',
    'lead',
    'tags',
    'section',
    'text',
    'images',
  ]);
  assert.equal(article.title, 'Общината пуска нов автобус до летището');
  assert.equal(article.published, '2022-01-22T10:06:00.000Z');
  assert.equal(article.text.split('\n\n').length, 5);
});

test('newsdesk extract URL fetches under the outbound policy: refused for this machine unless allowed', async (t) => {
  const html = fs.readFileSync(path.join(FIXTURES, 'harbour-wire.html'));
  const server = http.createServer((request, response) => {
    if (request.url === '/moved') return response.writeHead(301, { location: '/story' }).end();
    if (request.url === '/feed.png')
      return response.writeHead(200, { 'content-type': 'image/png' }).end('png');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  const base = await listenLocally(server);
  t.after(() => server.close());

  const refused = await extract([`${base}/story`]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /is at 127\.0\.0\.1, a loopback \(this machine\) address/);

  const allowed = await extract([`${base}/moved`, '--json'], { OUTBOUND_ALLOW: '127.0.0.1/32' });
  assert.equal(allowed.code, 0, allowed.stderr);
  const article = JSON.parse(allowed.stdout);
  assert.equal(article.title, 'Harbour authority approves a second ferry line to the islands');
  assert.equal(
    article.images[0].src,
    `${base}/img/ferry-800.jpg`,
    'pictures resolved against the page it redirected to',
  );

  const picture = await extract([`${base}/feed.png`], { OUTBOUND_ALLOW: '127.0.0.1/32' });
  assert.equal(picture.code, 1);
  assert.match(picture.stderr, /is image\/png, not an HTML page/);
});

test('a file that is not there, or has no article, is a clear error and a non-zero exit', async (t) => {
  const missing = await extract(['no/such/page.html']);
  assert.equal(missing.code, 1);
  assert.equal(missing.stderr.trim(), 'newsdesk: no/such/page.html: no such file');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-extract-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const empty = path.join(dir, 'empty.html');
  fs.writeFileSync(empty, '<html><body><nav><a href="/">Home</a></nav></body></html>');
  const nothing = await extract([empty]);
  assert.equal(nothing.code, 1);
  assert.match(nothing.stderr, /no article text found in the page/);
  const zone = await extract([empty, '--time-zone', 'Mars/Olympus']);
  assert.match(zone.stderr, /--time-zone: "Mars\/Olympus" is not a known time zone/);
});

/**
 * The deployment examples in docs/deploy/ (docs/DEPLOY.md) are working
 * files, not prose: systemd accepts the units; Newsdesk accepts the
 * environment they and instances.env.example give; and the several-instances
 * example runs as written: two instances from the template unit's command,
 * with the example environment (pointed at a test PostgreSQL, a local S3
 * server and a local purge recorder), behind nginx with the example
 * load-balancer configuration, which keeps serving when one instance stops.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { multipartBody, sceneJpeg } from '../helpers/images.js';
import { freePort } from '../helpers/ports.js';
import { createTestDatabase, POSTGRES_SKIPPED } from '../helpers/postgres.js';
import { startS3 } from '../helpers/s3.js';
import { serveProcess } from '../helpers/server-process.js';
import { newsdeskAsync } from '../helpers/site-on-disk.js';

const DEPLOY = path.resolve(import.meta.dirname, '../../docs/deploy');
const read = (name: string) => fs.readFileSync(path.join(DEPLOY, name), 'utf8');
const hasCommand = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/** KEY=value lines (an environment file, or the values of a unit's Environment= lines). */
function environment(lines: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of lines) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) env[match[1]] = match[2];
  }
  return env;
}

/** A unit's [Service] settings, each key with all its values. */
function service(unit: string): Map<string, string[]> {
  const settings = new Map<string, string[]>();
  let section = '';
  for (const line of unit.split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue;
    const header = /^\[(\w+)\]$/.exec(line.trim());
    if (header) section = header[1];
    else if (section === 'Service') {
      const [key, ...value] = line.split('=');
      settings.set(key.trim(), [...(settings.get(key.trim()) ?? []), value.join('=').trim()]);
    }
  }
  return settings;
}

describe('the deployment examples', () => {
  test(
    'systemd accepts both units',
    { skip: !hasCommand('systemd-analyze') && 'no systemd-analyze here' },
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-units-'));
      try {
        fs.copyFileSync(path.join(DEPLOY, 'newsdesk.service'), path.join(dir, 'newsdesk.service'));
        // A template unit is checked as one of its instances.
        fs.copyFileSync(
          path.join(DEPLOY, 'newsdesk-instance@.service'),
          path.join(dir, 'newsdesk-instance@.service'),
        );
        for (const unit of ['newsdesk.service', 'newsdesk-instance@3001.service']) {
          const result = spawnSync('systemd-analyze', ['verify', path.join(dir, unit)], { encoding: 'utf8' });
          assert.equal(result.status, 0, `${unit}: ${result.stderr}`);
          assert.doesNotMatch(result.stderr, /newsdesk/i, `${unit}: ${result.stderr}`);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  test('Newsdesk accepts the environment the units and instances.env.example give', () => {
    const one = service(read('newsdesk.service'));
    assert.deepEqual(one.get('ExecStart'), ['/usr/bin/node bin/newsdesk.js serve']);
    const single = loadConfig(environment(one.get('Environment')!));
    assert.equal(single.dataDir, '/var/lib/newsdesk');
    assert.equal(single.trustProxy, 1);
    assert.equal(single.databaseUrl, undefined);

    const instance = service(read('newsdesk-instance@.service'));
    assert.deepEqual(instance.get('EnvironmentFile'), ['/etc/newsdesk/instances.env']);
    assert.deepEqual(instance.get('ExecStart'), ['/usr/bin/node bin/newsdesk.js serve --workers 1']);
    const shared = environment(read('instances.env.example').split('\n'));
    const config = loadConfig({
      ...shared,
      ...environment(instance.get('Environment')!.map((e) => e.replace('%i', '3001'))),
    });
    assert.equal(config.port, 3001);
    assert.match(config.databaseUrl!, /^postgres:\/\//);
    assert.equal(config.media.s3?.bucket, 'newsroom-media');
    assert.equal(config.media.s3?.prefix, 'site/');
    assert.equal(config.media.baseUrl, 'https://img.example.org');
    assert.equal(config.purge?.style, 'fastly');
    assert.equal(config.trustProxy, 2, 'a CDN, then nginx');
  });

  test(
    'the several-instances example runs: two instances behind the example nginx, serving on when one stops',
    { skip: POSTGRES_SKIPPED || (!hasCommand('nginx') && process.env.CI !== 'true' && 'no nginx here') },
    async (t) => {
      const postgres = await createTestDatabase();
      t.after(() => postgres.drop());
      const s3 = await startS3(t);
      const purges: string[] = [];
      const recorder = http.createServer((request, response) => {
        purges.push(String(request.headers['surrogate-key']));
        response.end('{}');
      });
      await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
      t.after(() => new Promise<void>((resolve) => recorder.close(() => resolve())));
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-deploy-'));
      t.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

      // The example's environment, with this machine's database, bucket and CDN stand-in.
      const env = {
        ...environment(read('instances.env.example').split('\n')),
        ...s3.env,
        DATABASE_URL: postgres.url,
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        PURGE_URL: `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`,
      };
      const seeded = await newsdeskAsync(dataDir, ['seed'], { env });
      assert.equal(seeded.code, 0, seeded.stderr);
      const args = service(read('newsdesk-instance@.service')).get('ExecStart')![0].split(' ').slice(3);
      const instances = [await serveProcess(t, env, args), await serveProcess(t, env, args)];

      // nginx with the example's server block, its upstream pointed at the two instances.
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-nginx-'));
      t.after(() => fs.rmSync(work, { recursive: true, force: true }));
      const port = await freePort();
      const example = read('nginx-load-balancer.conf')
        .replace(
          /(\n\s*server \d+\.\d+\.\d+\.\d+:\d+;)+/,
          instances.map((i) => `\n    server ${new URL(i.base).host};`).join(''),
        )
        .replace('listen 80;', `listen 127.0.0.1:${port};`);
      assert.equal((example.match(/server 127\.0\.0\.1:\d+;/g) ?? []).length, 2, 'both instances upstream');
      // nginx's workers run as an unprivileged user when it starts as root: they buffer large bodies there.
      fs.chmodSync(work, 0o755);
      fs.mkdirSync(path.join(work, 'tmp'), { mode: 0o777 });
      fs.chmodSync(path.join(work, 'tmp'), 0o777);
      fs.writeFileSync(
        path.join(work, 'nginx.conf'),
        `daemon off;
worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${work}/tmp;
  proxy_temp_path ${work}/tmp;
  fastcgi_temp_path ${work}/tmp;
  uwsgi_temp_path ${work}/tmp;
  scgi_temp_path ${work}/tmp;
${example}
}
`,
      );
      const nginx = spawn('nginx', ['-c', path.join(work, 'nginx.conf'), '-p', work], { stdio: 'ignore' });
      const exited = new Promise((resolve) => nginx.once('exit', resolve));
      t.after(async () => {
        nginx.kill('SIGQUIT');
        await exited;
      });
      const base = `http://127.0.0.1:${port}`;
      for (let tries = 0; ; tries++) {
        try {
          await fetch(`${base}/`);
          break;
        } catch {
          if (tries > 100)
            throw new Error(`nginx did not start: ${fs.readFileSync(path.join(work, 'error.log'), 'utf8')}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }

      // Readers, through the load balancer.
      const home = await fetch(`${base}/`);
      assert.equal(home.status, 200);
      const articlePath = /href="(\/articles\/\d+\/[^"]+)"/.exec(await home.text())![1];
      assert.equal((await fetch(base + articlePath)).status, 200);
      const id = /\/articles\/(\d+)\//.exec(articlePath)![1];
      const beacon = await fetch(`${base}/api/articles/${id}/views`, {
        method: 'POST',
        headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' },
      });
      assert.equal(beacon.status, 202);

      // An editor edits through it, and uploads a picture of about 1.5 MB (more than nginx's default
      // limit); the CDN is purged once for the edit, by the instance that made it.
      const user = await newsdeskAsync(
        dataDir,
        ['user', 'add', '--role', 'editor', '--email', 'e@example.org', '--name', 'E'],
        { env, input: 'a long enough secret\n' },
      );
      assert.equal(user.code, 0, user.stderr);
      const token = await newsdeskAsync(
        dataDir,
        ['token', 'create', '--email', 'e@example.org', '--name', 't'],
        { env },
      );
      assert.equal(token.code, 0, token.stderr);
      const auth = { authorization: `Bearer ${token.stdout.trim()}` };
      const story = (await (await fetch(`${base}/api/admin/articles/${id}`, { headers: auth })).json()) as {
        version: number;
      };
      const { savableFields } = await import('../../src/admin/routes/articles.api.js');
      purges.length = 0; // the seed's, sent before the instances started
      const saved = await fetch(`${base}/api/admin/articles/${id}`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ ...savableFields(story as never), title: 'Edited behind the load balancer' }),
      });
      assert.equal(saved.status, 200, await saved.text());
      const started = Date.now();
      while (
        !purges.some((keys) => keys.split(' ').includes(`article-${id}`)) &&
        Date.now() - started < 10_000
      )
        await new Promise((resolve) => setTimeout(resolve, 100));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(
        purges.filter((keys) => keys.split(' ').includes(`article-${id}`)).length,
        1,
        `purged once: ${JSON.stringify(purges)}`,
      );

      const picture = await sceneJpeg(2400, 1600, '#8899aa', '#336633');
      const noisy = Buffer.concat([picture, Buffer.alloc(Math.max(0, 1_500_000 - picture.length))]);
      const form = await multipartBody({}, { name: 'big.jpg', type: 'image/jpeg', data: noisy });
      assert.ok(form.payload.length > 1024 * 1024, 'more than nginx lets through by default');
      const uploaded = await fetch(`${base}/api/admin/media`, {
        method: 'POST',
        headers: { ...auth, ...form.headers },
        body: new Uint8Array(form.payload),
      });
      assert.equal(uploaded.status, 201, await uploaded.clone().text());
      const media = (await uploaded.json()) as { url: string };
      assert.ok(media.url.startsWith('https://img.example.org/'), `${media.url}: at the CDN`);
      const file = media.url.slice('https://img.example.org/'.length);
      assert.ok(await s3.has(file), 'in the bucket');
      assert.equal((await fetch(`${base}/media/${file}`)).status, 200, 'and through the site');

      // One instance stops (a deploy): the other answers everything.
      assert.equal(await instances[0].stop(), 0, instances[0].log());
      for (let i = 0; i < 6; i++)
        assert.equal((await fetch(base + articlePath)).status, 200, `request ${i} after the stop`);
      assert.equal(await instances[1].stop(), 0, instances[1].log());
    },
  );
});

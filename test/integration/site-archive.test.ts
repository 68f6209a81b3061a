/**
 * Moving house (`newsdesk export`, `newsdesk import`): the demo site goes
 * from SQLite into an archive, into PostgreSQL with its pictures in an S3
 * bucket, out again, and back into SQLite, and every row of every table it
 * carries, and every picture file, comes back the same. A damaged, cut
 * short or foreign archive, or a site that is not empty, is refused with
 * what was wrong, and leaves the target as it was.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import tar from 'tar-stream';
import { countRows, openDatabase, type Db } from '../../src/db/database.js';
import { openPostgres } from '../../src/db/postgres.js';
import { ARCHIVE_TABLES, derivedColumns, LEFT_OUT_TABLES } from '../../src/db/site-archive.js';
import { suiteCleanup } from '../helpers/build-app.js';
import { createTestDatabase, POSTGRES_SKIPPED } from '../helpers/postgres.js';
import { startS3 } from '../helpers/s3.js';
import { newsdesk, newsdeskAsync } from '../helpers/site-on-disk.js';

/** Every row of every table an archive carries, in key order. */
async function rowsOf(db: Db): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  // Not the columns PostgreSQL makes from a row's others: no archive carries them.
  const derived = await derivedColumns(db);
  for (const table of ARCHIVE_TABLES) {
    const order = sql.join(table.key.map((k) => sql.ref(k)));
    const { rows } = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(table.name)} order by ${order}`.execute(db);
    for (const row of rows) for (const column of derived.get(table.name) ?? []) delete row[column];
    all[table.name] = rows;
  }
  return all;
}

/** Path and bytes of every file under `root`. */
function filesUnder(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!fs.existsSync(root)) return files;
  for (const name of fs.readdirSync(root, { recursive: true }) as string[]) {
    const file = path.join(root, name);
    if (fs.statSync(file).isFile()) files.set(name, fs.readFileSync(file));
  }
  return files;
}

async function sqliteRows(dataDir: string) {
  const db = openDatabase({ dataDir });
  try {
    return await rowsOf(db);
  } finally {
    await db.destroy();
  }
}

describe('moving a whole site', () => {
  const cleanup = suiteCleanup();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-move-'));
  cleanup.after(async () => fs.rmSync(work, { recursive: true, force: true }));
  const home = path.join(work, 'home');
  const archive = path.join(work, 'site.tar.gz');
  let original: Record<string, unknown[]>;

  before(async () => {
    const seeded = newsdesk(home, ['seed']);
    assert.equal(seeded.code, 0, seeded.stderr);
    // Some readership, and a user with a token, so counts, users and tokens travel too.
    const user = newsdesk(
      home,
      ['user', 'add', '--role', 'editor', '--email', 'e@example.org', '--name', 'E'],
      {
        input: 'a long enough secret\n',
      },
    );
    assert.equal(user.code, 0, user.stderr);
    assert.equal(newsdesk(home, ['token', 'create', '--email', 'e@example.org', '--name', 'feed']).code, 0);
    // What the demo lacks: a user who writes as an author, a partner feed whose items point ahead
    // (an earlier item a duplicate of a later one), old addresses, an import's records, a renamed tag.
    const db = openDatabase({ dataDir: home });
    try {
      const at = '2026-11-01T08:00:00.000Z';
      await sql`update users set author_id = (select min(id) from authors) where email = 'e@example.org'`.execute(
        db,
      );
      await sql`insert into recovery_codes (user_id, code_hash) select id, 'a-code-hash' from users`.execute(
        db,
      );
      await sql`insert into partner_feeds (source_id, url, next_fetch_at, created_at)
        select min(id), 'https://partner.example/feed.xml', ${at}, ${at} from sources`.execute(db);
      await sql`insert into incoming_items (id, feed_id, source_id, guid, title, summary, text, categories, fetched_at)
        select 2, f.id, f.source_id, 'guid-2', 'First', '', '', '[]', ${at} from partner_feeds f`.execute(db);
      await sql`insert into incoming_items (id, feed_id, source_id, guid, title, summary, text, categories, fetched_at, duplicate_of)
        select 1, f.id, f.source_id, 'guid-1', 'Copy', '', '', '[]', ${at}, 2 from partner_feeds f`.execute(
        db,
      );
      await sql`insert into redirects (path, article_id, created_at) select '/old/story', min(id), ${at} from articles`.execute(
        db,
      );
      await sql`insert into import_records (origin, key, kind, target_id, imported_at)
        select 'wordpress:https://old.example', 'post-1', 'article', min(id), ${at} from articles`.execute(
        db,
      );
      await sql`insert into tag_redirects (old_slug, tag_id, created_at) select 'old-name', min(id), ${at} from tags`.execute(
        db,
      );
    } finally {
      await db.destroy();
    }
    const exported = newsdesk(home, ['export', archive]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(
      exported.stdout,
      /^exported 60 articles \([\d,]+ rows\) and \d+ picture files to .*site\.tar\.gz/,
    );
    // Off a terminal, progress is plain lines.
    assert.match(exported.stderr, /^rows: [\d,]+ of [\d,]+$/m);
    original = await sqliteRows(home);
    for (const table of [
      'articles',
      'article_revisions',
      'users',
      'api_tokens',
      'media',
      'settings',
      'article_views_daily',
    ])
      assert.ok(original[table].length > 0, `the demo has ${table}`);
  });

  test('every table is carried or left out on purpose', async () => {
    const db = openDatabase({ dataDir: home });
    try {
      // SQLite's own tables, and the full-text tables' shadows (article_search_data…), are the engine's.
      const tables = (
        await sql<{ name: string }>`select name from sqlite_master where type = 'table'
          and name not like 'sqlite_%'`.execute(db)
      ).rows.map((r) => r.name);
      const shadows = /_(config|data|docsize|idx|content)$/;
      const known = new Set([...ARCHIVE_TABLES.map((t) => t.name), ...LEFT_OUT_TABLES]);
      const unknown = tables.filter((name) => !known.has(name) && !shadows.test(name));
      assert.deepEqual(
        unknown,
        [],
        'a new table goes into ARCHIVE_TABLES or LEFT_OUT_TABLES (src/db/site-archive.ts)',
      );
      assert.ok(tables.includes('articles') && tables.includes('sessions'));
    } finally {
      await db.destroy();
    }
  });

  test('SQLite to SQLite: every row and every picture comes back the same', async () => {
    const target = path.join(work, 'sqlite-again');
    const imported = newsdesk(target, ['import', archive]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /^imported 60 articles .* 58 articles indexed for search/);
    assert.deepEqual(await sqliteRows(target), original);
    assert.deepEqual(filesUnder(path.join(target, 'media')), filesUnder(path.join(home, 'media')));

    // The site works there: search, a page, and the next article gets the next id.
    const search = newsdesk(target, ['reindex']);
    assert.equal(search.code, 0, search.stderr);
  });

  test(
    'SQLite to PostgreSQL with an S3 bucket, and back to SQLite: the same site, row for row and file for file',
    { skip: POSTGRES_SKIPPED },
    async (t) => {
      const postgres = await createTestDatabase();
      t.after(() => postgres.drop());
      const s3 = await startS3(t);
      const away = { DATABASE_URL: postgres.url, ...s3.env };
      const awayDir = path.join(work, 'away');

      const into = await newsdeskAsync(awayDir, ['import', archive], { env: away });
      assert.equal(into.code, 0, into.stderr);
      assert.match(into.stdout, /into PostgreSQL and s3:\/\/newsdesk-media\/site\//);
      assert.match(into.stdout, / 58 articles indexed for search/);
      const pg = openPostgres(postgres.url);
      try {
        assert.deepEqual(await rowsOf(pg), original, 'PostgreSQL holds the same rows');
        // The search index, written by several connections at once: an entry for each visible article.
        const entries = await sql<{
          id: number;
        }>`select article_id as id from article_search order by 1`.execute(pg);
        const visible = await sql<{ id: number }>`select id from articles
          where status = 'published' and published_at <= ${new Date().toISOString()} order by 1`.execute(pg);
        assert.deepEqual(entries.rows, visible.rows);
        assert.equal(entries.rows.length, 58);
        // Ids go on from the largest, not from 1.
        const next = await sql<{
          id: number;
        }>`insert into tags (slug, name) values ('moved', 'Moved') returning id`.execute(pg);
        assert.equal(next.rows[0].id, Math.max(...original.tags.map((t) => (t as { id: number }).id)) + 1);
        await sql`delete from tags where slug = 'moved'`.execute(pg);
      } finally {
        await pg.destroy();
      }
      const pictures = filesUnder(path.join(home, 'media'));
      assert.deepEqual(await s3.names(), [...pictures.keys()].sort(), 'the bucket holds every picture');
      assert.equal(fs.existsSync(path.join(awayDir, 'media')), false);

      const back = path.join(work, 'back.tar.zst');
      const out = await newsdeskAsync(awayDir, ['export', back], { env: away });
      assert.equal(out.code, 0, out.stderr);
      const homeAgain = path.join(work, 'home-again');
      const again = newsdesk(homeAgain, ['import', back]);
      assert.equal(again.code, 0, again.stderr);
      assert.deepEqual(await sqliteRows(homeAgain), original);
      assert.deepEqual(filesUnder(path.join(homeAgain, 'media')), pictures);
    },
  );

  describe('a bad archive is refused, and the target stays as it was', () => {
    const bytes = () => fs.readFileSync(archive);
    const refused = (name: string, data: Buffer, message: RegExp, prepare?: (target: string) => void) => {
      const file = path.join(work, name);
      fs.writeFileSync(file, data);
      const target = path.join(work, `target-${name}`);
      prepare?.(target);
      const result = newsdesk(target, ['import', file]);
      assert.equal(result.code, 1, result.stdout);
      assert.match(result.stderr, message);
      assert.equal(result.stdout, '');
      return target;
    };
    const untouched = async (target: string, pictures: string[] = []) => {
      const db = openDatabase({ dataDir: target });
      try {
        for (const table of ['articles', 'sections', 'users', 'media'] as const)
          assert.equal(await countRows(db, table), 0, `no ${table}`);
      } finally {
        await db.destroy();
      }
      assert.deepEqual(
        [...filesUnder(path.join(target, 'media')).keys()],
        pictures,
        'no pictures but its own',
      );
    };

    test('damaged: a byte changed in the middle', async () => {
      const data = bytes();
      data[Math.floor(data.length / 2)] ^= 0xff;
      await untouched(
        refused(
          'damaged.tar.gz',
          data,
          /damaged\.tar\.gz: (is damaged or cut short|".*" is not what the manifest says)/,
        ),
      );
    });

    test('cut short: the second half missing', async () => {
      const data = bytes();
      await untouched(
        refused(
          'short.tar.gz',
          data.subarray(0, data.length >> 1),
          /short\.tar\.gz: is damaged or cut short/,
        ),
      );
    });

    test('foreign: another program’s archive, or no archive at all', async () => {
      const pack = tar.pack();
      pack.entry({ name: 'notes.txt' }, 'hello');
      pack.finalize();
      const chunks: Buffer[] = [];
      for await (const chunk of pack) chunks.push(chunk as Buffer);
      await untouched(
        refused(
          'other.tar.gz',
          zlib.gzipSync(Buffer.concat(chunks)),
          /is not a Newsdesk site archive: it begins with "notes\.txt"/,
        ),
      );
      await untouched(
        refused(
          'text.tar.gz',
          Buffer.from('just some words\n'),
          /is not a Newsdesk site archive: it is neither gzip nor Zstandard/,
        ),
      );
    });

    test('stopped with Ctrl-C: no rows kept, and nothing left in TMPDIR', async () => {
      const target = path.join(work, 'target-interrupted');
      const tmp = fs.mkdtempSync(path.join(work, 'tmp-'));
      let child: ChildProcess | undefined;
      const running = newsdeskAsync(target, ['import', archive], {
        env: { TMPDIR: tmp },
        started: (started) => (child = started),
      });
      // As soon as the archive is being unpacked, the reader presses Ctrl-C.
      const deadline = Date.now() + 30_000;
      while (
        !fs.readdirSync(tmp).some((name) => name.startsWith('newsdesk-import-')) &&
        Date.now() < deadline
      )
        await new Promise((resolve) => setTimeout(resolve, 2));
      child!.kill('SIGINT');
      const result = await running;
      assert.equal(result.code, 130, result.stderr);
      assert.match(result.stderr, /SIGINT: the import stopped; no rows were kept/);
      assert.deepEqual(fs.readdirSync(tmp), [], 'the unpacked copy is removed');
      const db = openDatabase({ dataDir: target });
      try {
        assert.equal(await countRows(db, 'articles'), 0);
      } finally {
        await db.destroy();
      }
    });

    test('a site that already has content is not overwritten', async () => {
      const result = newsdesk(home, ['import', archive]);
      assert.equal(result.code, 1);
      assert.match(
        result.stderr,
        /this site is not empty \(it has 60 articles, \d+ sections, \d users, \d+ media\)/,
      );
      assert.deepEqual(await sqliteRows(home), original);
    });

    test('rows the database refuses: nothing is written, and the pictures already stored are removed', async () => {
      // An archive whose checksums are right but one of whose rows is not: a section no article may have.
      const entries: { name: string; data: Buffer }[] = [];
      const extract = tar.extract();
      const read = (async () => {
        for await (const entry of extract) {
          const chunks: Buffer[] = [];
          for await (const chunk of entry) chunks.push(chunk as Buffer);
          entries.push({ name: entry.header.name, data: Buffer.concat(chunks) });
        }
      })();
      extract.end(zlib.gunzipSync(bytes()));
      await read;
      const articles = entries.find((e) => e.name === 'tables/articles.ndjson')!;
      const lines = articles.data.toString().trimEnd().split('\n');
      lines[lines.length - 1] = JSON.stringify({ ...JSON.parse(lines.at(-1)!), section_id: 99_999 });
      articles.data = Buffer.from(lines.join('\n') + '\n');
      const manifest = entries.find((e) => e.name === 'manifest.json')!;
      const parsed = JSON.parse(manifest.data.toString());
      const { createHash } = await import('node:crypto');
      parsed.entries[articles.name] = {
        ...parsed.entries[articles.name],
        bytes: articles.data.length,
        sha256: createHash('sha256').update(articles.data).digest('hex'),
      };
      manifest.data = Buffer.from(JSON.stringify(parsed));
      const pack = tar.pack();
      for (const entry of entries) pack.entry({ name: entry.name }, entry.data);
      pack.finalize();
      const chunks: Buffer[] = [];
      for await (const chunk of pack) chunks.push(chunk as Buffer);
      // The target's folder already holds one of the archive's pictures (moving databases, keeping
      // DATA_DIR): the import adds the others, and takes back only those.
      const mine = [...filesUnder(path.join(home, 'media')).keys()][0];
      const target = refused(
        'refused-row.tar.gz',
        zlib.gzipSync(Buffer.concat(chunks)),
        new RegExp(`tables/articles\\.ndjson, rows \\d+ to ${lines.length}: .*(FOREIGN KEY|foreign key)`),
        (target) => {
          fs.mkdirSync(path.dirname(path.join(target, 'media', mine)), { recursive: true });
          fs.copyFileSync(path.join(home, 'media', mine), path.join(target, 'media', mine));
        },
      );
      await untouched(target, [mine]);
    });
  });
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { phoneJpeg, solidImage } from '../../../test/helpers/images.js';
import { serviceContext, tempDatabase } from '../../../test/helpers/factories.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../lib/app-error.js';
import { listAudit } from '../audit/audit.repository.js';
import { actorOf, createUser } from '../users/users.service.js';
import { SYSTEM, type Actor } from '../users/permissions.js';
import { loadBodyMedia } from './media.repository.js';
import { browseMedia, deleteMedia, updateMedia, uploadMedia } from './media.service.js';
import { DiskMediaStore } from './media.storage.js';

/** Every file under `dir`, relative, sorted. */
function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

function isCode(code: string) {
  return (error: unknown) => error instanceof AppError && error.code === code;
}

describe('the media library service', () => {
  let db: Db;
  let dataDir: string;
  let close: () => Promise<void>;
  let store: DiskMediaStore;
  let ctx: ReturnType<typeof serviceContext>;
  const people: Record<'contributor' | 'other' | 'editor', Actor> = {} as never;

  before(async () => {
    ({ db, dataDir, close } = await tempDatabase());
    store = new DiskMediaStore(path.join(dataDir, 'media'));
    ctx = serviceContext(db, new Date('2026-11-05T10:00:00Z'));
    const make = async (email: string, role: 'contributor' | 'editor') =>
      actorOf(
        await createUser(
          db,
          SYSTEM,
          { email, name: email.split('@')[0], role, password: 'a long password 1' },
          ctx.now(),
        ),
      );
    people.contributor = await make('cora@example.org', 'contributor');
    people.other = await make('otto@example.org', 'contributor');
    people.editor = await make('edna@example.org', 'editor');
  });
  after(() => close());

  test('an upload is stored under random names, with its sizes, row and audit entry', async () => {
    const media = await uploadMedia(ctx, store, people.contributor, {
      data: await phoneJpeg(1800, 1200),
      filename: 'C:\\fakepath\\Holiday at the coast.JPG',
      alt: ' Beach  at dawn ',
    });
    assert.equal(media.originalName, 'Holiday at the coast.JPG');
    assert.equal(media.alt, 'Beach at dawn');
    assert.deepEqual([media.width, media.height, media.mime], [1200, 1800, 'image/jpeg']);
    assert.match(media.file, /^2026\/11\/[0-9a-f]{16}\.jpg$/);
    assert.equal(media.url, `/media/${media.file}`);
    assert.equal(media.uploader, 'cora');
    const onDisk = filesIn(store.root);
    assert.deepEqual(onDisk, [media.file, ...media.variants.map((v) => v.file)].sort());
    assert.ok(
      onDisk.every((f) => !/holiday|coast/i.test(f)),
      'no uploaded name on disk',
    );
    assert.equal(fs.statSync(path.join(store.root, media.file)).size, media.bytes);
    for (const v of media.variants) assert.equal(fs.statSync(path.join(store.root, v.file)).size, v.bytes);
    const row = await db.selectFrom('media').selectAll().where('id', '=', media.id).executeTakeFirstOrThrow();
    assert.equal(row.original_name, 'Holiday at the coast.JPG');
    assert.equal(JSON.parse(row.variants).length, 5);
    const [entry] = await listAudit(db, { limit: 1, offset: 0 });
    assert.equal(entry.action, 'media.upload');
    assert.equal(entry.subject, 'Holiday at the coast.JPG');
    await deleteMedia(ctx, store, people.editor, media.id);
  });

  test('when the row cannot be written, no file stays behind', async () => {
    const before = filesIn(store.root);
    const ghost: Actor = { id: 9999, name: 'Nobody', role: 'contributor', authorId: null };
    await assert.rejects(
      uploadMedia(ctx, store, ghost, { data: await solidImage('png', 700, 400), filename: 'a.png' }),
    );
    assert.deepEqual(filesIn(store.root), before);
    assert.equal((await browseMedia(db, {})).total, 0);
  });

  test('when one file cannot be written, the others are removed and no temporary file is left', async () => {
    const stuck = new DiskMediaStore(store.root);
    stuck.newStem = () => '2026/11/00000000000000aa';
    // A folder where the 640 size should go: renaming onto it fails half way through.
    fs.mkdirSync(path.join(store.root, '2026/11/00000000000000aa-640.webp'), { recursive: true });
    await assert.rejects(
      uploadMedia(ctx, stuck, people.contributor, {
        data: await solidImage('jpeg', 1200, 800),
        filename: 'b.jpg',
      }),
    );
    assert.deepEqual(filesIn(store.root), []);
    assert.equal((await browseMedia(db, {})).total, 0);
    fs.rmSync(path.join(store.root, '2026/11/00000000000000aa-640.webp'), { recursive: true });
  });

  test('a contributor changes and deletes only their own images; an editor any', async () => {
    const data = await solidImage('png', 400, 300);
    const mine = await uploadMedia(ctx, store, people.contributor, { data, filename: 'mine.png' });
    const theirs = await uploadMedia(ctx, store, people.other, { data, filename: 'theirs.png' });

    const edited = await updateMedia(ctx, people.contributor, mine.id, { caption: 'Mine', credit: 'Cora' });
    assert.deepEqual([edited.alt, edited.caption, edited.credit], ['', 'Mine', 'Cora']);
    await assert.rejects(updateMedia(ctx, people.contributor, theirs.id, { alt: 'x' }), isCode('FORBIDDEN'));
    await assert.rejects(deleteMedia(ctx, store, people.contributor, theirs.id), isCode('FORBIDDEN'));
    assert.ok(fs.existsSync(path.join(store.root, theirs.file)), 'a refused deletion removes nothing');
    await assert.rejects(
      updateMedia(ctx, people.contributor, mine.id, { alt: 'x'.repeat(501) }),
      (e: unknown) => e instanceof AppError && e.code === 'INVALID_INPUT' && /^alt: /.test(e.message),
    );

    await deleteMedia(ctx, store, people.contributor, mine.id);
    await deleteMedia(ctx, store, people.editor, theirs.id);
    assert.deepEqual(filesIn(store.root), []);
    assert.equal((await browseMedia(db, {})).total, 0);
    await assert.rejects(deleteMedia(ctx, store, people.editor, mine.id), isCode('NOT_FOUND'));
  });

  test('the library lists newest first and finds by name, alt text, caption or credit', async () => {
    const data = await solidImage('png', 64, 64);
    const ids: number[] = [];
    for (const [i, name] of ['harbour.png', 'market.png', 'parliament.png'].entries()) {
      ctx.clock.now = new Date(Date.UTC(2026, 10, 6, 10, i));
      ids.push(
        (
          await uploadMedia(ctx, store, people.other, {
            data,
            filename: name,
            credit: i === 0 ? 'Agency 50%' : '',
          })
        ).id,
      );
    }
    assert.deepEqual(
      (await browseMedia(db, {})).media.map((m) => m.originalName),
      ['parliament.png', 'market.png', 'harbour.png'],
    );
    assert.deepEqual(
      (await browseMedia(db, { q: 'MARK' })).media.map((m) => m.id),
      [ids[1]],
    );
    assert.deepEqual(
      (await browseMedia(db, { q: '50%' })).media.map((m) => m.id),
      [ids[0]],
    );
    assert.equal((await browseMedia(db, { q: '5%' })).total, 0, '% is matched as itself');

    const doc = {
      type: 'doc' as const,
      content: [
        {
          type: 'image' as const,
          attrs: { src: '/x.jpg', alt: '', caption: '', credit: '', mediaId: ids[2] },
        },
        {
          type: 'image' as const,
          attrs: { src: '/y.jpg', alt: '', caption: '', credit: '', mediaId: 424242 },
        },
        { type: 'paragraph' as const },
      ],
    };
    const map = await loadBodyMedia(db, doc);
    assert.deepEqual([...map.keys()], [ids[2]]);
    assert.equal(map.get(ids[2])!.originalName, 'parliament.png');
    for (const id of ids) await deleteMedia(ctx, store, people.editor, id);
  });
});

test('only names the library gives out resolve to files', () => {
  const store = new DiskMediaStore('/data/media');
  assert.equal(store.pathOf('2026/11/0123456789abcdef.jpg'), '/data/media/2026/11/0123456789abcdef.jpg');
  assert.equal(
    store.pathOf('2026/11/0123456789abcdef-640.webp'),
    '/data/media/2026/11/0123456789abcdef-640.webp',
  );
  for (const bad of [
    '../newsdesk.db',
    '2026/11/../../newsdesk.db',
    '2026/11/0123456789abcdef.svg',
    '/etc/passwd',
    '2026%2F11%2F0123456789abcdef.jpg',
    '2026/11/0123456789abcdef.jpg/..',
    '',
  ])
    assert.equal(store.pathOf(bad), undefined, bad);
});

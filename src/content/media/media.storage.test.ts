/**
 * The two media stores keep one promise: files written all or none, read back
 * byte for byte with their type, removed without fuss, and nothing but the
 * library's own names reachable. The S3 store runs against a local
 * S3-compatible server (s3rver on 127.0.0.1).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { describe, test } from 'node:test';
import { startS3, type TestS3 } from '../../../test/helpers/s3.js';
import { S3MediaStore } from './media.s3.js';
import { DiskMediaStore, type MediaStore } from './media.storage.js';

const jpeg = Buffer.from('not really a jpeg, but bytes all the same');
const webp = Buffer.alloc(70_000, 7);

for (const kind of ['disk', 's3'] as const) {
  describe(`the ${kind} media store`, () => {
    async function storeFor(t: { after: (fn: () => Promise<void>) => unknown }): Promise<{
      store: MediaStore;
      names: () => Promise<string[]>;
      s3?: TestS3;
    }> {
      if (kind === 'disk') {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-media-'));
        t.after(async () => fs.rmSync(root, { recursive: true, force: true }));
        const names = async () =>
          (fs.readdirSync(root, { recursive: true }) as string[])
            .filter((f) => fs.statSync(path.join(root, f)).isFile())
            .sort();
        return { store: new DiskMediaStore(root), names };
      }
      const s3 = await startS3(t);
      const store = await S3MediaStore.open(s3.settings);
      t.after(async () => store.close());
      return { store, names: () => s3.names(), s3 };
    }

    test('files read back byte for byte, with their type and size, until removed', async (t) => {
      const { store, names } = await storeFor(t);
      const stem = store.newStem(new Date('2026-11-30T12:00:00Z'));
      assert.match(stem, /^2026\/11\/[0-9a-f]{16}$/);
      const files = [
        { name: `${stem}.jpg`, data: jpeg },
        { name: `${stem}-640.webp`, data: webp },
      ];
      await store.writeAll(files);
      assert.deepEqual(await names(), files.map((f) => f.name).sort());

      const opened = await store.open(`${stem}-640.webp`);
      assert.ok(opened);
      assert.equal(opened.type, 'image/webp');
      assert.equal(opened.bytes, webp.length);
      assert.ok(Math.abs(opened.modified.getTime() - Date.now()) < 60_000);
      assert.deepEqual(await buffer(opened.body), webp);
      const original = await store.open(`${stem}.jpg`);
      original?.body.destroy();
      assert.equal(original?.type, 'image/jpeg');

      await store.remove([`${stem}.jpg`, `${stem}-640.webp`, `${stem}-1280.webp`]);
      assert.deepEqual(await names(), []);
      assert.equal(await store.open(`${stem}.jpg`), undefined);
    });

    test('all or none: when a file cannot be stored, those already written are removed', async (t) => {
      const { store, names } = await storeFor(t);
      const stem = store.newStem(new Date());
      await assert.rejects(
        store.writeAll([
          { name: `${stem}.jpg`, data: jpeg },
          { name: `${stem}-320.webp`, data: webp },
          { name: `${stem}-640.svg`, data: webp },
        ]),
        /not a stored file name: .*-640\.svg/,
      );
      assert.deepEqual(await names(), []);
    });

    test('names the library does not give out never reach a file', async (t) => {
      const { store } = await storeFor(t);
      const stem = store.newStem(new Date());
      await store.writeAll([{ name: `${stem}.jpg`, data: jpeg }]);
      for (const bad of [
        '../newsdesk.db',
        `${stem}.jpg/..`,
        `${stem.replaceAll('/', '%2F')}.jpg`,
        `./${stem}.jpg`,
        `${stem}.svg`,
        '',
      ])
        assert.equal(await store.open(bad), undefined, bad);
      await store.remove(['../newsdesk.db', `${stem}.svg`]);
      const kept = await store.open(`${stem}.jpg`);
      kept?.body.destroy();
      assert.ok(kept, 'a bad name removes nothing');
    });

    if (kind === 's3')
      test('objects go under the prefix with their type and a year’s Cache-Control, for a CDN in front of the bucket', async (t) => {
        const { store, s3 } = await storeFor(t);
        assert.equal(store.location, 's3://newsdesk-media/site/');
        const name = `${store.newStem(new Date())}.jpg`;
        await store.writeAll([{ name, data: jpeg }]);
        const object = await s3!.object(name);
        assert.deepEqual(object.data, jpeg);
        assert.equal(object.type, 'image/jpeg');
        assert.equal(object.cacheControl, 'public, max-age=31536000, immutable');
      });
  });
}

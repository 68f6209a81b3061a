import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import type { S3Settings } from '../../src/content/media/media.s3.js';
import type { CleanUp } from './build-app.js';

/** A local S3-compatible server (s3rver, on 127.0.0.1) with one empty bucket, for one test or suite. */
export interface TestS3 {
  /** The settings MEDIA_STORE and the S3_* variables give. */
  settings: S3Settings;
  /** The same, as the environment of a `newsdesk` process. */
  env: Record<string, string>;
  /** The names under the prefix, sorted (`2026/11/x.jpg`…). */
  names(): Promise<string[]>;
  /** An object's bytes and the headers it was stored with. */
  object(name: string): Promise<{ data: Buffer; type?: string; cacheControl?: string }>;
  /** Whether the object is there. */
  has(name: string): Promise<boolean>;
}

const BUCKET = 'newsdesk-media';
const PREFIX = 'site/';
// s3rver's own key pair: it checks signatures made with it.
const KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export async function startS3(t: CleanUp): Promise<TestS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const settings: S3Settings = {
    bucket: BUCKET,
    prefix: PREFIX,
    endpoint,
    region: 'us-east-1',
    credentials: KEYS,
    forcePathStyle: true,
  };
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: KEYS });
  t.after(async () => {
    client.destroy();
    await server.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });
  return {
    settings,
    env: {
      MEDIA_STORE: `s3://${BUCKET}/${PREFIX}`,
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: KEYS.accessKeyId,
      S3_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
    },
    async names() {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: PREFIX }));
      return (listed.Contents ?? []).map((o) => o.Key!.slice(PREFIX.length)).sort();
    },
    async object(name) {
      const got = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: PREFIX + name }));
      return {
        data: Buffer.from(await got.Body!.transformToByteArray()),
        type: got.ContentType,
        cacheControl: got.CacheControl,
      };
    },
    async has(name) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: PREFIX + name }));
        return true;
      } catch {
        return false;
      }
    },
  };
}

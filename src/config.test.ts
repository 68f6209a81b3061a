import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

test('the cache settings: defaults, and a refusal naming the variable', () => {
  const config = loadConfig({});
  assert.equal(config.pageCacheBytes, 32 * 1024 * 1024);
  assert.equal(config.pageCacheFreshSeconds, 60);
  assert.equal(config.purge, undefined);
  assert.equal(loadConfig({ PAGE_CACHE_MB: '0' }).pageCacheBytes, 0);
  assert.equal(loadConfig({ WORKERS: '3' }).workers, 3);
  for (const [name, value] of [
    ['PAGE_CACHE_MB', '-1'],
    ['PAGE_CACHE_FRESH', 'soon'],
    ['WORKERS', '0'],
  ]) {
    assert.throws(
      () => loadConfig({ [name]: value }),
      (error: Error) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, new RegExp(`^${name} must be a whole number`));
        assert.match(error.message, new RegExp(`got "${value}"`));
        return true;
      },
    );
  }
});

test('purging: each style with what it needs, or a refusal saying what is missing', () => {
  assert.deepEqual(loadConfig({ PURGE_STYLE: 'varnish-xkey', PURGE_URL: 'http://127.0.0.1:6081' }).purge, {
    style: 'varnish-xkey',
    url: 'http://127.0.0.1:6081',
    token: undefined,
    zone: undefined,
  });
  assert.equal(loadConfig({ PURGE_STYLE: 'fastly', PURGE_TOKEN: 't', PURGE_ZONE: 'svc' }).purge?.zone, 'svc');
  assert.throws(
    () => loadConfig({ PURGE_STYLE: 'squid' }),
    /PURGE_STYLE must be one of varnish-xkey, fastly, cloudflare, bunny, got "squid"/,
  );
  assert.throws(() => loadConfig({ PURGE_STYLE: 'varnish-xkey' }), /needs PURGE_URL/);
  assert.throws(
    () => loadConfig({ PURGE_STYLE: 'cloudflare', PURGE_TOKEN: 't' }),
    /needs PURGE_TOKEN .* and PURGE_ZONE/,
  );
  assert.throws(
    () => loadConfig({ PURGE_STYLE: 'varnish-xkey', PURGE_URL: 'ftp://x' }),
    /PURGE_URL must be an http/,
  );
});

test('TRUST_PROXY is a number of proxies or their addresses', () => {
  const read = (value: string) => loadConfig({ TRUST_PROXY: value }).trustProxy;
  assert.equal(read(''), false);
  assert.equal(read('0'), false);
  assert.equal(read('1'), 1);
  assert.equal(read('10.0.0.2, 10.0.1.0/24'), '10.0.0.2,10.0.1.0/24');
  assert.throws(
    () => read('yes please'),
    /TRUST_PROXY must be the number of proxies in front \(1 to 9\) or their addresses/,
  );
});

test('OUTBOUND_ALLOW lists networks, each checked', () => {
  assert.deepEqual(loadConfig({}).outboundAllow, []);
  assert.deepEqual(loadConfig({ OUTBOUND_ALLOW: '10.0.0.0/8, fd00::/8' }).outboundAllow, [
    '10.0.0.0/8',
    'fd00::/8',
  ]);
  assert.throws(
    () => loadConfig({ OUTBOUND_ALLOW: '10.0.0.0' }),
    /OUTBOUND_ALLOW must list networks as address\/bits/,
  );
});

test('DATABASE_URL: a PostgreSQL address, or a refusal that never repeats its password', () => {
  assert.equal(loadConfig({}).databaseUrl, undefined);
  const url = 'postgres://newsdesk:s3cret@db.internal:5432/newsdesk';
  assert.equal(loadConfig({ DATABASE_URL: ` ${url} ` }).databaseUrl, url);
  assert.equal(
    loadConfig({ DATABASE_URL: 'postgresql://db/newsdesk' }).databaseUrl,
    'postgresql://db/newsdesk',
  );
  for (const bad of ['mysql://root:s3cret@db/newsdesk', 'sqlite:./data/newsdesk.db', 'newsdesk']) {
    assert.throws(
      () => loadConfig({ DATABASE_URL: bad }),
      (error: Error) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /^DATABASE_URL must be a PostgreSQL address/);
        assert.doesNotMatch(error.message, /s3cret/);
        return true;
      },
    );
  }
});

test('DATABASE_READ_URL: a replica of the PostgreSQL database, never without one', () => {
  const primary = 'postgres://newsdesk:s3cret@db.internal/newsdesk';
  const replica = 'postgres://newsdesk:s3cret@replica.internal/newsdesk';
  assert.equal(loadConfig({ DATABASE_URL: primary }).databaseReadUrl, undefined);
  assert.equal(loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: replica }).databaseReadUrl, replica);
  assert.throws(
    () => loadConfig({ DATABASE_READ_URL: replica }),
    /^ConfigError: DATABASE_READ_URL names a read replica of the PostgreSQL database in DATABASE_URL: set DATABASE_URL too/,
  );
  assert.throws(
    () => loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: 'mysql://u:s3cret@replica/newsdesk' }),
    (error: Error) => {
      assert.match(
        error.message,
        /^DATABASE_READ_URL must be a PostgreSQL address, .* \(unset it to use the primary\)$/,
      );
      assert.doesNotMatch(error.message, /s3cret/);
      return true;
    },
  );
});

test('MEDIA_STORE: the disk by default, or an S3 bucket with its settings; refusals name the variable', () => {
  assert.deepEqual(loadConfig({}).media, { s3: undefined, baseUrl: undefined });
  assert.deepEqual(loadConfig({ MEDIA_STORE: 'disk' }).media.s3, undefined);

  const aws = loadConfig({ MEDIA_STORE: 's3://newsroom-media' }).media;
  assert.deepEqual(aws.s3, {
    bucket: 'newsroom-media',
    prefix: '',
    endpoint: undefined,
    region: 'us-east-1',
    credentials: undefined,
    forcePathStyle: false,
  });
  const minio = loadConfig({
    MEDIA_STORE: 's3://media/sites/daily/',
    S3_ENDPOINT: 'http://10.0.0.5:9000',
    S3_REGION: 'eu-central-1',
    S3_ACCESS_KEY_ID: 'newsdesk',
    S3_SECRET_ACCESS_KEY: 'a secret',
    MEDIA_BASE_URL: 'https://img.example.org/',
  }).media;
  assert.deepEqual(minio, {
    s3: {
      bucket: 'media',
      prefix: 'sites/daily/',
      endpoint: 'http://10.0.0.5:9000',
      region: 'eu-central-1',
      credentials: { accessKeyId: 'newsdesk', secretAccessKey: 'a secret' },
      forcePathStyle: true,
    },
    baseUrl: 'https://img.example.org',
  });
  assert.equal(
    loadConfig({ MEDIA_STORE: 's3://media', S3_ENDPOINT: 'https://x.r2.example', S3_FORCE_PATH_STYLE: '0' })
      .media.s3?.forcePathStyle,
    false,
  );

  for (const [env, message] of [
    [{ MEDIA_STORE: 'media' }, /^MEDIA_STORE must be s3:\/\/bucket/],
    [{ MEDIA_STORE: 's3://Media_Bucket' }, /^MEDIA_STORE must be s3:\/\/bucket/],
    [{ MEDIA_STORE: 's3://media', S3_ENDPOINT: 'minio:9000' }, /^S3_ENDPOINT must be an http/],
    [
      { MEDIA_STORE: 's3://media', S3_ACCESS_KEY_ID: 'only-half' },
      /^S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together/,
    ],
    [{ MEDIA_BASE_URL: 'img.example.org' }, /^MEDIA_BASE_URL must be an https:\/\/ URL/],
    [{ MEDIA_BASE_URL: 'http://img.example.org' }, /^MEDIA_BASE_URL must be an https:\/\/ URL/],
  ] as const)
    assert.throws(
      () => loadConfig(env),
      (error: Error) => error instanceof ConfigError && message.test(error.message),
    );
});

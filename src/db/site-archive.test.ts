import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MIGRATIONS, POSTGRES_MIGRATIONS } from './database.js';
import { readsSchema, schemaOf } from './site-archive.js';

test("an archive's schema is the latest migration that changed what it carries, the same on both databases", () => {
  assert.equal(schemaOf(MIGRATIONS), '0012');
  assert.equal(schemaOf(POSTGRES_MIGRATIONS), schemaOf(MIGRATIONS));
  assert.equal(schemaOf(MIGRATIONS.filter((name) => name < '0012')), '0008');
});

test('an archive moves across migrations that carry nothing, and no further', () => {
  // Sign-in failures (0009), PostgreSQL's listing indexes (0010) and headline words (0011) are not carried.
  const upToEleven = MIGRATIONS.filter((name) => name < '0012');
  for (const made of ['0008', '0009', '0010', '0011'])
    assert.equal(readsSchema(made, upToEleven), true, made);
  // All-time views moved out of the articles' rows (0012): earlier archives hold them there.
  for (const made of ['0008', '0011']) assert.equal(readsSchema(made, MIGRATIONS), false, made);
  // PostgreSQL's word pairs (0013), headline words (0014), search indexes (0015), headline pairs (0016),
  // sitemap index (0017) and narrow search rows (0018) carry nothing: this one's archives say 0012.
  for (const made of ['0012', '0013', '0014', '0015', '0016', '0017', '0018'])
    assert.equal(readsSchema(made, MIGRATIONS), true, made);
  // Made before partner-feed imports were kept, or by a Newsdesk newer than this one.
  for (const made of ['0007', '0019', 'nonsense']) assert.equal(readsSchema(made, MIGRATIONS), false, made);
  const upToTen = MIGRATIONS.filter((name) => name <= '0010');
  assert.equal(readsSchema('0011', upToTen), false, 'an older Newsdesk knows nothing of 0011');
});

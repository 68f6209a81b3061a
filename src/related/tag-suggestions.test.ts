import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ensureTags } from '../content/index.js';
import { paragraphs, tempDatabase } from '../../test/helpers/factories.js';
import { suggestTags } from './tag-suggestions.js';

const SEED = path.resolve(import.meta.dirname, '../../../shared/seed/000_269df5a04ef82aa6.txt');
/** The seed page is test input beside the project (../shared), not part of it: a bare clone skips these. */
const NO_SEED = !fs.existsSync(SEED) && `the seed page is not beside the project (${SEED})`;

function seedArticle() {
  const lines = fs
    .readFileSync(SEED, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  // Line 0 is the headline, 1 the section and dateline, 2 the lead; the body runs to the credit line.
  const end = lines.findIndex((l) => l.startsWith('/ClubZ'));
  return { title: lines[0], lead: lines[2], body: paragraphs(...lines.slice(3, end)) };
}

test('the seed page’s own five tags come first, even on an empty site', { skip: NO_SEED }, async (t) => {
  const { db, close } = await tempDatabase();
  t.after(close);
  const suggestions = await suggestTags(db, seedArticle());
  assert.deepEqual(
    suggestions
      .slice(0, 5)
      .map((s) => s.name)
      .sort(),
    ['Bulgaria', 'NATO', 'Romania', 'Russia', 'Ukraine'],
  );
  assert.ok(suggestions.every((s) => !s.existing));
  assert.ok(!suggestions.some((s) => /’s|'s/.test(s.name)), 'possessives are stripped');
});

test('existing tags are preferred and keep their spelling', async (t) => {
  const { db, close } = await tempDatabase();
  t.after(close);
  await ensureTags(db, ['Black Sea', 'NATO']);
  const suggestions = await suggestTags(db, {
    title: 'Navies drill in the black sea',
    body: paragraphs('Ships from three nato members sailed in the Black Sea on Monday.'),
  });
  const blackSea = suggestions.find((s) => s.name === 'Black Sea');
  assert.ok(blackSea?.existing, 'the existing tag is suggested with its own capitalisation');
  assert.ok(suggestions.find((s) => s.name === 'NATO')?.existing);
});

test('tags already on the article are not suggested again', { skip: NO_SEED }, async (t) => {
  const { db, close } = await tempDatabase();
  t.after(close);
  const suggestions = await suggestTags(db, { ...seedArticle(), exclude: ['NATO', 'russia'] });
  assert.ok(!suggestions.some((s) => s.name === 'NATO' || s.name === 'Russia'));
});

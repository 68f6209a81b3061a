import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyDiff, diffVersions, type ReadableVersion } from './revision-diff.js';

const base: ReadableVersion = {
  title: 'Council approves plan',
  lead: '',
  section: 'News',
  tags: ['Council', 'City'],
  authors: ['Jane Doe'],
  source: '',
  status: 'Draft',
  publishedAt: '',
  slug: 'council-approves-plan',
  featured: 'No',
  seoTitle: '',
  seoDescription: '',
  body: ['One.', 'Two.', 'Three.', 'Four.', 'Five.', 'Six costs two million.'].join('\n'),
};

test('a changed paragraph is compared word by word; distant unchanged ones are folded', () => {
  const diff = diffVersions(base, { ...base, body: base.body.replace('two million', 'three million') });
  assert.deepEqual(diff.fields, []);
  assert.ok(diff.bodyChanged);
  assert.deepEqual(diff.body[0], { skipped: 4 });
  const changed = diff.body[2];
  assert.ok(!('skipped' in changed));
  assert.deepEqual(
    changed.segments.filter((s) => s.kind !== 'same'),
    [
      { text: 'two', kind: 'del' },
      { text: 'three', kind: 'ins' },
    ],
  );
});

test('added and removed paragraphs, tags and values are listed as such', () => {
  const diff = diffVersions(base, {
    ...base,
    tags: ['City', 'Budget'],
    status: 'Published',
    body: `${base.body}\nSeven.`,
  });
  assert.deepEqual(
    diff.fields.map((f) => f.label),
    ['Tags', 'Status'],
  );
  assert.deepEqual(diff.fields[0], {
    label: 'Tags',
    kind: 'list',
    items: [
      { text: 'City', kind: 'same' },
      { text: 'Budget', kind: 'ins' },
      { text: 'Council', kind: 'del' },
    ],
  });
  assert.deepEqual(diff.fields[1], { label: 'Status', kind: 'value', before: 'Draft', after: 'Published' });
  assert.deepEqual(bodyDiff('A.\nB.', 'A.\nB.\nC.').at(-1), {
    segments: [{ text: 'C.', kind: 'ins' }],
    changed: true,
  });
});

test('identical versions have no differences', () => {
  const diff = diffVersions(base, { ...base });
  assert.deepEqual([diff.fields, diff.bodyChanged, diff.body], [[], false, []]);
});

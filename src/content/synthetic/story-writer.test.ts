/**
 * The synthetic archive is only useful if it is repeatable, always valid and
 * statistically news-like, so these tests pin exactly that: seeds replay, every
 * body passes the real validator, lengths stay in range, and word and name
 * frequencies have the Zipf shape search benchmarks depend on.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sanitiseBody } from '../body/body.sanitise.js';
import { bodyText } from '../body/body.text.js';
import { namePool } from './names.js';
import type { NamePool } from './names.js';
import { Random, zipf } from './random.js';
import { StoryWriter } from './story-writer.js';
import type { StoryCast, SyntheticStory } from './story-writer.js';
import { functionWords } from './vocabulary.js';

const pool = namePool(new Random(1));

/** Casts like an archive generator would choose: a person or a place first, sometimes more names. */
function casts(seed: number, count: number, names: NamePool = pool): StoryCast[] {
  const r = new Random(seed);
  const out: StoryCast[] = [];
  for (let i = 0; i < count; i++) {
    const subjects = [r.chance(0.8) ? r.pick(names.people) : r.pick(names.places)];
    if (r.chance(0.5)) subjects.push(r.pick(names.places));
    if (r.chance(0.4)) subjects.push(r.pick(names.organisations));
    if (r.chance(0.2)) subjects.push(r.pick(names.people));
    out.push({ subjects });
  }
  return out;
}

function write(seed: number, count: number): { cast: StoryCast; story: SyntheticStory }[] {
  const writer = new StoryWriter(new Random(seed), pool);
  return casts(seed + 1000, count).map((cast) => ({ cast, story: writer.story(cast) }));
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

test('the same seed writes the same stories; another seed writes different ones', () => {
  const again = new StoryWriter(new Random(5), namePool(new Random(1)));
  const a = write(5, 30).map((s) => s.story);
  const b = casts(1005, 30).map((cast) => again.story(cast));
  assert.deepEqual(a, b);

  const other = new StoryWriter(new Random(6), pool);
  const c = casts(1005, 30).map((cast) => other.story(cast));
  assert.notDeepEqual(a, c);
  assert.notEqual(a[0].title + a[0].lead, c[0].title + c[0].lead);
});

test('the name pool is deterministic, the right size and unique case-insensitively', () => {
  assert.deepEqual(namePool(new Random(1)), pool);
  assert.notDeepEqual(namePool(new Random(2)).people.slice(0, 50), pool.people.slice(0, 50));
  assert.equal(pool.people.length, 6000);
  assert.equal(pool.places.length, 2500);
  assert.equal(pool.organisations.length, 1200);
  assert.ok(pool.topics.length >= 280, `${pool.topics.length} topics`);
  const all = [...pool.people, ...pool.places, ...pool.organisations, ...pool.topics];
  assert.equal(new Set(all.map((n) => n.toLowerCase())).size, all.length);
  for (const person of pool.people) assert.match(person, /^[A-Z][a-z]+ [A-Z][a-z]+$/);
});

test('500 stories: valid bodies, lengths in range, every subject named', () => {
  const stories = write(42, 500);
  let total = 0;
  for (const { cast, story } of stories) {
    assert.deepEqual(sanitiseBody(story.body), story.body, story.title);
    for (const block of story.body.content) {
      assert.ok(['paragraph', 'heading', 'blockquote', 'bulletList'].includes(block.type), block.type);
    }
    const paragraphs = story.body.content.filter((b) => b.type === 'paragraph').length;
    assert.ok(paragraphs >= 4 && paragraphs <= 14, `${paragraphs} paragraphs`);

    const text = bodyText(story.body);
    const n = words(text);
    assert.ok(n >= 150 && n <= 1400, `${n} words in "${story.title}"`);
    total += n;

    const t = words(story.title);
    assert.ok(t >= 5 && t <= 14, `title of ${t} words: ${story.title}`);
    assert.match(story.title, /^[A-Z“]/);
    assert.ok(!story.title.endsWith('.'), story.title);
    const l = words(story.lead);
    assert.ok(l >= 20 && l <= 45, `lead of ${l} words: ${story.lead}`);

    const [first] = cast.subjects;
    assert.ok(story.title.includes(first) || story.lead.includes(first), `${first} not in title or lead`);
    const full = `${story.title}\n${story.lead}\n${text}`;
    for (const subject of cast.subjects) assert.ok(full.includes(subject), `${subject} missing`);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(full, /[<>\u0000-\u0008\u000B-\u001F\u007F]|\s{2}| [,.]/);
  }
  const mean = total / stories.length;
  assert.ok(mean >= 380 && mean <= 600, `mean ${mean} words`);
});

test('optional blocks and marks turn up at roughly the intended rates', () => {
  const stories = write(7, 400).map((s) => s.story);
  const share = (has: (s: SyntheticStory) => boolean) => stories.filter(has).length / stories.length;
  const blocks = (s: SyntheticStory) => s.body.content.map((b) => b.type);
  const json = (s: SyntheticStory) => JSON.stringify(s.body);
  assert.ok(Math.abs(share((s) => blocks(s).includes('heading')) - 0.25) < 0.08);
  assert.ok(Math.abs(share((s) => blocks(s).includes('blockquote')) - 0.2) < 0.07);
  assert.ok(Math.abs(share((s) => blocks(s).includes('bulletList')) - 0.125) < 0.06);
  assert.ok(Math.abs(share((s) => json(s).includes('"link"')) - 1 / 3) < 0.08);
  for (const s of stories) {
    for (const m of json(s).matchAll(/"href":"([^"]+)"/g)) {
      assert.match(m[1], /^https:\/\/(www\.example\.org|news\.example\.com)\/[a-z0-9/-]+$/);
    }
  }
});

test('2,000 stories have news-like word and name frequencies', () => {
  const stories = write(99, 2000).map((s) => s.story);
  const docFreq = new Map<string, number>();
  const lastSeen = new Map<string, SyntheticStory>();
  const people = new Set(pool.people);
  const personFreq = new Map<string, number>();
  for (const story of stories) {
    const body = bodyText(story.body);
    for (const w of body.toLowerCase().split(/[^a-z]+/)) {
      if (lastSeen.get(w) === story) continue;
      lastSeen.set(w, story);
      docFreq.set(w, (docFreq.get(w) ?? 0) + 1);
    }
    // Person names are two capitalised words; a following comma or stop is not part of the name.
    const tokens = `${story.title} ${story.lead} ${body}`.split(/[ \n]/);
    const names = new Set<string>();
    for (let i = 0; i + 1 < tokens.length; i++) {
      let first = tokens[i];
      if (first.startsWith('“')) first = first.slice(1);
      const c = first.charCodeAt(0);
      if (c < 65 || c > 90) continue;
      const next = tokens[i + 1];
      let end = next.length;
      while (end > 0 && (next.charCodeAt(end - 1) < 97 || next.charCodeAt(end - 1) > 122)) end--;
      const pair = `${first} ${next.slice(0, end)}`;
      if (people.has(pair)) names.add(pair);
    }
    for (const name of names) personFreq.set(name, (personFreq.get(name) ?? 0) + 1);
  }
  const n = stories.length;
  assert.ok((docFreq.get('the') ?? 0) / n > 0.95, 'the');

  const stop = new Set(functionWords);
  const content = [...docFreq].filter(([w]) => w.length > 2 && !stop.has(w)).sort((a, b) => b[1] - a[1]);
  assert.ok(
    content[0][1] / n > 0.5,
    `most common content word "${content[0][0]}" in ${content[0][1]} stories`,
  );
  // A long tail too: most distinct words are in few stories.
  const rare = content.filter(([, f]) => f / n < 0.01).length;
  assert.ok(rare > content.length / 3, `${rare} of ${content.length} words are rare`);

  const counts = pool.people.map((p) => personFreq.get(p) ?? 0).sort((a, b) => a - b);
  const median = counts[Math.floor(counts.length / 2)];
  assert.ok(median / n < 0.01, `median person in ${median} stories`);
  assert.ok(
    counts[counts.length - 1] / n > 0.03,
    `most common person in ${counts[counts.length - 1]} stories`,
  );
});

test('zipf(2000, 1.0) draws index 0 about 1/H(2000) of the time', () => {
  const draw = zipf(2000, 1.0);
  const r = new Random(3);
  let harmonic = 0;
  for (let k = 1; k <= 2000; k++) harmonic += 1 / k;
  const draws = 200_000;
  const seen = new Uint32Array(2000);
  for (let i = 0; i < draws; i++) {
    const k = draw(r);
    assert.ok(k >= 0 && k < 2000);
    seen[k]++;
  }
  const expected = 1 / harmonic;
  assert.ok(Math.abs(seen[0] / draws - expected) / expected < 0.15, `${seen[0] / draws} vs ${expected}`);
  assert.ok(Math.abs(seen[1] / draws - expected / 2) / (expected / 2) < 0.15, 'index 1 at half the rate');
  assert.ok(seen[1999] < seen[0] / 500);
});

test('Random: ranges are inclusive, forks are independent and replayable', () => {
  const r = new Random(8);
  const seen = new Set<number>();
  for (let i = 0; i < 2000; i++) {
    const x = r.int(3, 6);
    assert.ok(Number.isInteger(x) && x >= 3 && x <= 6);
    seen.add(x);
    const u = r.next();
    assert.ok(u >= 0 && u < 1);
  }
  assert.deepEqual([...seen].sort(), [3, 4, 5, 6]);
  assert.throws(() => r.pick([]), RangeError);

  const a = new Random(8).fork();
  const b = new Random(8).fork();
  const parent = new Random(8);
  const seq = (x: Random) => Array.from({ length: 5 }, () => x.next());
  assert.deepEqual(seq(a), seq(b));
  assert.notDeepEqual(seq(new Random(8).fork()), seq(parent));
  assert.notDeepEqual(seq(new Random(1)), seq(new Random(2 ** 32 + 1)));
});

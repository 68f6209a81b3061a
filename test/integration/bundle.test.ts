import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'newsdesk');

/** Libraries a worker that only serves readers must not load (DECISIONS 17): each waits for its first use. */
const LOADED_WHEN_USED = [
  'sharp',
  'linkedom',
  '@mozilla/readability',
  '@rowanmanning/feed-parser',
  'fast-xml-parser',
  'marked',
  'qrcode',
  'undici',
  'compromise',
  '@zxcvbn-ts/language-common',
];

/** The packages a chunk imports, and the chunks it imports, statically (`import … from "…"` at the top). */
function staticImports(file: string): { packages: string[]; chunks: string[] } {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?"([^"]+)";?$/gm)].map((m) => m[1]);
  return {
    packages: specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('node:')),
    chunks: specifiers.filter((s) => s.startsWith('./')).map((s) => path.join(path.dirname(file), s)),
  };
}

test('the bundle a server starts from loads the ingest parsers, sharp and the rest only when first used', () => {
  // Builds the bundle if the sources changed, or marks the current one as used: either way the newest.
  const before = Date.now() - 1000;
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'newsdesk.js'), '--help'], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  assert.doesNotMatch(run.stderr, /running the sources through tsx/, 'the sources were bundled');
  const [newest] = fs
    .readdirSync(CACHE)
    .filter((name) => /^[0-9a-f]{16}$/.test(name))
    .map((name) => path.join(CACHE, name))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  assert.ok(newest && fs.statSync(newest).mtimeMs >= before, `no bundle made or used just now in ${CACHE}`);
  const main = path.join(newest, 'main.mjs');
  assert.ok(fs.existsSync(main), `no main chunk in ${newest}`);

  // Everything loaded at start: the main chunk and the chunks it imports, transitively.
  const loaded = new Set<string>();
  const seen = new Set<string>();
  const queue = [main];
  for (let file = queue.shift(); file; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const { packages, chunks } = staticImports(file);
    for (const name of packages) loaded.add(name);
    queue.push(...chunks);
  }
  assert.ok(loaded.has('fastify') && loaded.has('better-sqlite3'), 'the server itself loads at start');
  const early = LOADED_WHEN_USED.filter((name) => loaded.has(name));
  assert.deepEqual(early, [], `loaded by every worker at start: ${early.join(', ')}`);
  const tiptap = [...loaded].filter((name) => name.startsWith('@tiptap/'));
  assert.deepEqual(tiptap, [], `the editor's schema loaded at start: ${tiptap.join(', ')}`);

  // And the libraries are in the bundle's other chunks, ready for their first use.
  const later = new Set(
    fs
      .readdirSync(newest)
      .filter((name) => name.endsWith('.mjs') && !seen.has(path.join(newest, name)))
      .flatMap((name) => staticImports(path.join(newest, name)).packages),
  );
  for (const name of ['linkedom', '@mozilla/readability', 'fast-xml-parser'])
    assert.ok(later.has(name), `${name} is in a chunk loaded when first used`);
});

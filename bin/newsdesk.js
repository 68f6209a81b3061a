#!/usr/bin/env node
// Runs the TypeScript sources with no build step between a clone and a running site.
//
// The sources are bundled by esbuild under node_modules/.cache/newsdesk the first time
// they are run, and again whenever one of them changes (the folder's name carries a hash
// of the sources' sizes and times): a start then loads a few modules instead of
// transpiling hundreds through tsx, about a second less. The bundle is split where the
// sources import a module with `await import()`: what only the back office, the ingest
// room or a command needs (linkedom, TipTap, Readability, sharp...) is loaded when first
// used, not in every worker that serves readers (docs/PERFORMANCE.md). Each module's
// `import.meta.url` is written into the bundle as the source file's own URL, so files
// found beside the sources (stylesheets, the editor) are found as before. If esbuild
// cannot bundle, tsx runs the sources directly.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setInterval } from 'node:timers';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const cache = path.join(root, 'node_modules', '.cache', 'newsdesk');

/** A hash of every source file's path, size and modification time, and of the lockfile's and this file's (its build options). */
function sourcesKey() {
  const hash = createHash('sha256');
  const files = fs
    .readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && /\.(tsx?|js|json|css)$/.test(f.name))
    .map((f) => path.join(f.parentPath ?? f.path, f.name))
    .sort();
  for (const file of [...files, path.join(root, 'package-lock.json'), fileURLToPath(import.meta.url)]) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    hash.update(`${file}\0${stat?.size}\0${stat?.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

async function bundle() {
  const dir = path.join(cache, sourcesKey());
  const entry = path.join(dir, 'main.mjs');
  if (fs.existsSync(entry)) {
    return entry;
  }
  const { build, stop } = await import('esbuild');
  const temp = `${dir}.${process.pid}.tmp`;
  fs.rmSync(temp, { recursive: true, force: true });
  await build({
    entryPoints: { main: path.join(src, 'cli', 'main.ts') },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir: temp,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
    logLevel: 'error',
    plugins: [
      {
        name: 'source-urls',
        setup(context) {
          context.onLoad({ filter: /\.tsx?$/ }, async (args) => {
            if (!args.path.startsWith(src)) return undefined;
            const text = await fs.promises.readFile(args.path, 'utf8');
            return {
              contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
              loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts',
              resolveDir: path.dirname(args.path),
            };
          });
        },
      },
    ],
  });
  // esbuild's service process would otherwise live as long as the server.
  await stop();
  // Another process may be doing the same: a folder is renamed whole, and the first one wins.
  try {
    fs.renameSync(temp, dir);
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    if (!fs.existsSync(entry)) throw error;
  }
  // Bundles of older sources go once no process has used one for a day (a running process marks
  // its own every hour: it loads chunks from it when first needed, maybe weeks after it started);
  // the three newest stay whatever their age. A build under way elsewhere (a .tmp folder) is
  // left alone, and so is a folder another process removes first.
  const unusedSince = Date.now() - 24 * 60 * 60 * 1000;
  const bundles = [];
  for (const old of fs.readdirSync(cache)) {
    const file = path.join(cache, old);
    if (/^newsdesk-[0-9a-f]{16}\.mjs(\.map)?$/.test(old)) fs.rmSync(file, { force: true });
    else if (/^[0-9a-f]{16}$/.test(old) && old !== path.basename(dir)) {
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (stat) bundles.push({ file, used: stat.mtimeMs });
    }
  }
  bundles.sort((a, b) => b.used - a.used);
  for (const { file, used } of bundles.slice(3))
    if (used < unusedSince) fs.rmSync(file, { recursive: true, force: true });
  return entry;
}

/** Marks the bundle in use now and every hour while this process lives (see the clean-up above). */
function markInUse(dir) {
  const mark = () => {
    try {
      fs.utimesSync(dir, new Date(), new Date());
    } catch {
      // A read-only install, or the folder gone: nothing to keep.
    }
  };
  mark();
  setInterval(mark, 60 * 60 * 1000).unref();
}

let entry;
try {
  const file = await bundle();
  markInUse(path.dirname(file));
  entry = pathToFileURL(file).href;
  // Stack traces name the TypeScript sources, not the bundle.
  process.setSourceMapsEnabled(true);
} catch (error) {
  console.error(`newsdesk: running the sources through tsx (bundling failed: ${error.message})`);
  const { register } = await import('tsx/esm/api');
  register();
  entry = '../src/cli/main.ts';
}
const { run } = await import(entry);
await run(process.argv, process.env);

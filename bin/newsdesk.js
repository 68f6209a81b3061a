#!/usr/bin/env node
// Runs the TypeScript sources with no build step between a clone and a running site.
//
// The sources are bundled by esbuild into one file under node_modules/.cache/newsdesk
// the first time they are run, and again whenever one of them changes (the file's
// name carries a hash of the sources' sizes and times): a start then loads one
// module instead of transpiling hundreds through tsx, about a second less. Each
// module's `import.meta.url` is written into the bundle as the source file's own
// URL, so files found beside the sources (stylesheets, the editor) are found as
// before. If esbuild cannot bundle, tsx runs the sources directly.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const cache = path.join(root, 'node_modules', '.cache', 'newsdesk');

/** A hash of every source file's path, size and modification time, and of the lockfile's. */
function sourcesKey() {
  const hash = createHash('sha256');
  const files = fs
    .readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && /\.(tsx?|js|json|css)$/.test(f.name))
    .map((f) => path.join(f.parentPath ?? f.path, f.name))
    .sort();
  for (const file of [...files, path.join(root, 'package-lock.json')]) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    hash.update(`${file}\0${stat?.size}\0${stat?.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

async function bundle() {
  const file = path.join(cache, `newsdesk-${sourcesKey()}.mjs`);
  if (fs.existsSync(file)) return file;
  const { build, stop } = await import('esbuild');
  fs.mkdirSync(cache, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await build({
    entryPoints: [path.join(src, 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: temp,
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
  // Another process may be doing the same: renames are atomic, and the last one wins.
  fs.renameSync(`${temp}.map`, `${file}.map`);
  fs.writeFileSync(
    temp,
    fs
      .readFileSync(temp, 'utf8')
      .replace(/sourceMappingURL=.*$/m, `sourceMappingURL=${path.basename(file)}.map`),
  );
  fs.renameSync(temp, file);
  // Bundles of older sources go; a build under way elsewhere (a .tmp file) is left alone.
  for (const old of fs.readdirSync(cache)) {
    if (/^newsdesk-[0-9a-f]{16}\.mjs(\.map)?$/.test(old) && !old.startsWith(path.basename(file)))
      fs.rmSync(path.join(cache, old), { force: true });
  }
  return file;
}

let entry;
try {
  entry = pathToFileURL(await bundle()).href;
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

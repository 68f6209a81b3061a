import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, stop } from 'esbuild';
import type { FastifyInstance } from 'fastify';
import { AssetServer } from '../site/assets.js';

const DIR = path.dirname(fileURLToPath(import.meta.url));
let building = 0;

/**
 * The back office's stylesheet, its small script for every page (admin.js),
 * and the editor's browser bundle. The bundle
 * (TipTap and our extensions) is built in memory with esbuild when the app
 * starts, so a fresh clone needs no build step and no build output is kept.
 */
export async function registerAdminAssets(
  app: FastifyInstance,
): Promise<{ css: string; js: string; editorJs: string }> {
  const server = new AssetServer(app, '/admin/assets');
  const css = server.addFile(path.join(DIR, 'assets', 'admin.css'));
  const js = server.addFile(path.join(DIR, 'assets', 'admin.js'));
  building++;
  const result = await build({
    entryPoints: [path.join(DIR, 'editor', 'editor.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2020'],
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  }).finally(() => building--);
  // esbuild's service process stays up after a build (about 46 MB, in every worker): end it,
  // unless another app in this process is building too.
  if (building === 0) await stop();
  const editorJs = server.add('editor.js', Buffer.from(result.outputFiles[0].contents));
  return { css, js, editorJs };
}

import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../app.js';
import { getSettings, loadSharp } from '../content/index.js';
import { escapeXml } from './feeds/xml.js';

/**
 * The publisher logo JSON-LD names (Google asks for at most 600 x 60) and the
 * share card used when an article has no picture of its own (1200 x 630, the
 * Open Graph size), drawn from the site's name and tagline. Built on first
 * request and again when the name or tagline changes.
 */
export function brandImageRoutes(app: FastifyInstance, services: AppServices): void {
  const cache = new Map<string, Promise<Buffer>>();
  const serve = (kind: 'logo' | 'share') =>
    app.get(`/assets/${kind}.png`, async (_request, reply) => {
      const { name, tagline } = await getSettings(services.db);
      const key = `${kind}\n${name}\n${tagline}`;
      if (!cache.has(key)) cache.set(key, kind === 'logo' ? logo(name) : shareCard(name, tagline));
      reply.type('image/png').header('cache-control', 'public, max-age=3600');
      return cache.get(key);
    });
  serve('logo');
  serve('share');
}

const SERIF = "Georgia, 'Liberation Serif', 'DejaVu Serif', 'Times New Roman', serif";

async function logo(name: string): Promise<Buffer> {
  const size = name.length > 28 ? 30 : 40;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60">
    <text x="0" y="44" font-family="${SERIF}" font-weight="700" font-size="${size}" fill="#1a1a1a">${escapeXml(name)}</text>
  </svg>`;
  const sharp = await loadSharp();
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function shareCard(name: string, tagline: string): Promise<Buffer> {
  const size = name.length > 24 ? 64 : 88;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630">
    <rect width="1200" height="630" fill="#fdfcf9"/>
    <rect x="60" y="60" width="1080" height="510" fill="none" stroke="#1a1a1a" stroke-width="2"/>
    <line x1="140" y1="372" x2="1060" y2="372" stroke="#1a1a1a" stroke-width="2"/>
    <line x1="140" y1="380" x2="1060" y2="380" stroke="#1a1a1a" stroke-width="1"/>
    <text x="600" y="330" text-anchor="middle" font-family="${SERIF}" font-weight="700" font-size="${size}" fill="#1a1a1a">${escapeXml(name)}</text>
    <text x="600" y="440" text-anchor="middle" font-family="${SERIF}" font-style="italic" font-size="34" fill="#4a4a4a">${escapeXml(tagline)}</text>
  </svg>`;
  const sharp = await loadSharp();
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
}

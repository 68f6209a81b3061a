import type { ServiceContext } from '../articles/articles.service.js';
import { loadSharp } from '../media/media.images.js';
import { uploadMedia } from '../media/media.service.js';
import type { MediaStore } from '../media/media.storage.js';
import { SYSTEM } from '../users/permissions.js';

/**
 * The demo's pictures: drawn here (sky, sun, hills and water in a few
 * palettes), encoded by sharp and added through the media library like any
 * upload, so the demo shows srcset, captions and credits without shipping a
 * photograph. Each is an illustration and is credited as one.
 */
const SCENES: { key: string; sky: string; land: string; water?: string; alt: string; caption: string }[] = [
  {
    key: 'nato-rejects-russia-withdrawal-demand',
    sky: '#5b7a99',
    land: '#2f4a3a',
    water: '#35566e',
    alt: 'Hills above a grey sea under a low winter sun',
    caption: 'The Black Sea coast, where Alliance ships have exercised since 2014.',
  },
  {
    key: 'bulgarian-navy-black-sea-drill',
    sky: '#7fa3c4',
    land: '#3e5b49',
    water: '#2f5f80',
    alt: 'A calm sea under a pale sky',
    caption: 'Off Varna, where the navy held its drill.',
  },
  {
    key: 'schools-reopen-after-holidays',
    sky: '#c9d9ea',
    land: '#8a9a6b',
    alt: 'Snowy fields and a pale sun',
    caption: 'A January morning outside Sofia.',
  },
  {
    key: 'gas-price-january-regulator',
    sky: '#e7b77c',
    land: '#6b5a3e',
    alt: 'A hillside at dusk',
    caption: 'Heating bills are the regulator’s first worry this winter.',
  },
  {
    key: 'year-in-culture-2021',
    sky: '#d8a7b1',
    land: '#5a4a63',
    alt: 'Violet hills at sunset',
    caption: 'A year of reopened stages and postponed premieres.',
  },
  {
    key: 'covid-omicron-hospitals',
    sky: '#aebfcc',
    land: '#5c6b73',
    alt: 'Grey hills under cloud',
    caption: 'Hospitals in the regions are taking the first wave of Omicron.',
  },
];

const CREDIT = 'Illustration: The Sofia Ledger';

async function draw(scene: (typeof SCENES)[number]): Promise<Buffer> {
  const water = scene.water
    ? `<rect y="60" width="160" height="40" fill="${scene.water}"/><path d="M0 62 H160" stroke="#ffffff" stroke-opacity="0.25" stroke-width="0.6"/>`
    : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000" viewBox="0 0 160 100">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${scene.sky}"/><stop offset="1" stop-color="#fbf4e6"/></linearGradient></defs>
    <rect width="160" height="100" fill="url(#sky)"/>
    <circle cx="112" cy="34" r="10" fill="#fff7dc" opacity="0.9"/>
    <path d="M0 62 Q30 40 62 56 T160 50 V100 H0Z" fill="${scene.land}" opacity="0.65"/>
    ${water}
    <path d="M0 74 Q44 60 90 72 T160 70 V100 H0Z" fill="${scene.land}"/>
  </svg>`;
  const sharp = await loadSharp();
  return sharp(Buffer.from(svg)).jpeg({ quality: 84 }).toBuffer();
}

/** Uploads the demo's pictures; returns the media id of each illustrated article's featured image, by demo key. */
export async function seedDemoImages(ctx: ServiceContext, store: MediaStore): Promise<Map<string, number>> {
  const images = new Map<string, number>();
  for (const scene of SCENES) {
    const media = await uploadMedia(ctx, store, SYSTEM, {
      data: await draw(scene),
      filename: `${scene.key}.jpg`,
      alt: scene.alt,
      caption: scene.caption,
      credit: CREDIT,
    });
    images.set(scene.key, media.id);
  }
  return images;
}

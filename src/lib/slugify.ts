import slugifyLib from '@sindresorhus/slugify';

/**
 * Bulgarian romanisation (the official Streamlined System, 2009), applied
 * before the library's generic transliteration, which follows Russian usage
 * (щ -> shch, ъ dropped) and would misspell Bulgarian words.
 */
const BULGARIAN: [string, string][] = [
  ['щ', 'sht'],
  ['Щ', 'Sht'],
  ['ъ', 'a'],
  ['Ъ', 'A'],
  ['ь', 'y'],
  ['Ь', 'Y'],
  ['ю', 'yu'],
  ['Ю', 'Yu'],
  ['я', 'ya'],
  ['Я', 'Ya'],
  ['ж', 'zh'],
  ['Ж', 'Zh'],
  ['ц', 'ts'],
  ['Ц', 'Ts'],
  ['ч', 'ch'],
  ['Ч', 'Ch'],
  ['ш', 'sh'],
  ['Ш', 'Sh'],
  ['й', 'y'],
  ['Й', 'Y'],
  ['х', 'h'],
  ['Х', 'H'],
];

const MAX_LENGTH = 80;

/**
 * A readable URL slug from any title.
 *
 * @example slugify('NATO has rejected Russia's Request') // 'nato-has-rejected-russias-request'
 * @example slugify('Пътят на щъркелите') // 'patyat-na-shtarkelite'
 */
export function slugify(text: string): string {
  const slug = slugifyLib(text.replace(/['’‘`]/g, ''), { customReplacements: BULGARIAN, decamelize: false });
  return trimToWord(slug, MAX_LENGTH);
}

function trimToWord(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > max / 2 ? cut.slice(0, lastDash) : slug.slice(0, max)).replace(/-+$/, '');
}

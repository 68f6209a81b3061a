import type { Db } from '../../db/database.js';
import { DEFAULT_DATE_FORMAT, isTimeZone } from '../../lib/dateline.js';
import { invalidInput } from '../../lib/app-error.js';

/** The newsroom's settings, stored in the `settings` table as one JSON value per key. */
export interface SiteSettings {
  name: string;
  tagline: string;
  timeZone: string;
  dateFormat: string;
  /** Language of the site, for <html lang> and feeds. */
  language: string;
  social: { twitter: string; facebook: string };
  support: { appeal: string; linkText: string; pageTitle: string; pageText: string; donateUrl: string };
}

export const DEFAULT_SETTINGS: SiteSettings = {
  name: 'Newsdesk',
  tagline: 'Independent news',
  timeZone: 'UTC',
  dateFormat: DEFAULT_DATE_FORMAT,
  language: 'en',
  social: { twitter: '', facebook: '' },
  support: {
    appeal: 'Independent journalism depends on its readers. Please support our work.',
    linkText: 'Support us',
    pageTitle: 'Support our journalism',
    pageText: 'Your contribution keeps our reporting free for everyone to read.',
    donateUrl: '',
  },
};

export async function getSettings(db: Db): Promise<SiteSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return { ...DEFAULT_SETTINGS, ...stored } as SiteSettings;
}

/** Saves the given settings, validating each; the others stay as they are. */
export async function saveSettings(db: Db, changes: Partial<SiteSettings>): Promise<SiteSettings> {
  if (changes.timeZone !== undefined && !isTimeZone(changes.timeZone)) {
    throw invalidInput('settings.timeZone', `"${changes.timeZone}" is not a known time zone`);
  }
  if (changes.name !== undefined && !changes.name.trim())
    throw invalidInput('settings.name', 'must not be empty');
  await db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(changes)) {
      if (!(key in DEFAULT_SETTINGS)) throw invalidInput(`settings.${key}`, 'is not a setting');
      await trx
        .insertInto('settings')
        .values({ key, value: JSON.stringify(value) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
        .execute();
    }
  });
  return getSettings(db);
}

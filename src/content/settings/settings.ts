import type { Db } from '../../db/database.js';
import { dependsOn } from '../../lib/dependencies.js';
import { DEFAULT_DATE_FORMAT, formatDate, isTimeZone } from '../../lib/dateline.js';
import { forbidden, invalidInput } from '../../lib/app-error.js';
import { recordAudit } from '../audit/audit.repository.js';
import { cleanName, cleanText, cleanUrl } from '../taxonomy/taxonomy.fields.js';
import { can, type Actor } from '../users/permissions.js';
import { userById } from '../users/users.repository.js';
import { storedSettings, writeSetting } from './settings.repository.js';
import type { ServiceContext } from '../articles/articles.service.js';

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
  /** Administrators must sign in with a second factor: until they set it up, only their account page opens. */
  adminsNeedTwoFactor: boolean;
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
  adminsNeedTwoFactor: false,
};

/** What an administrator sends: any settings, and within `social` and `support` any of their fields. */
export type SettingsChanges = Partial<
  Omit<SiteSettings, 'social' | 'support'> & {
    social: Partial<SiteSettings['social']>;
    support: Partial<SiteSettings['support']>;
  }
>;

export async function getSettings(db: Db): Promise<SiteSettings> {
  dependsOn('settings');
  const rows = await storedSettings(db);
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return { ...DEFAULT_SETTINGS, ...stored } as SiteSettings;
}

/** The settings as the settings page and API show them: administrators only. */
export async function getSettingsFor(db: Db, actor: Actor): Promise<SiteSettings> {
  if (!can.manageSettings(actor)) throw forbidden('change the site settings');
  return getSettings(db);
}

/** Saves the given settings, validating each; the others stay as they are. No permission check: for setup and seeding. */
export async function saveSettings(db: Db, changes: SettingsChanges): Promise<SiteSettings> {
  const clean = validateSettings(await getSettings(db), changes);
  await db.transaction().execute((trx) => writeSettings(trx, clean));
  return getSettings(db);
}

/**
 * Changes the site's settings as an administrator, with an audit entry naming
 * the keys that changed.
 *
 * @example await updateSettings(ctx, actor, { tagline: 'News from Sofia' })
 */
export async function updateSettings(
  ctx: ServiceContext,
  actor: Actor,
  changes: SettingsChanges,
): Promise<SiteSettings> {
  const { db } = ctx;
  if (!can.manageSettings(actor)) throw forbidden('change the site settings');
  const current = await getSettings(db);
  const clean = validateSettings(current, changes);
  if (clean.adminsNeedTwoFactor && !current.adminsNeedTwoFactor && actor.id !== null) {
    // Whoever turns it on would otherwise lock themselves out of everything but their account page.
    const me = await userById(db, actor.id);
    if (!me?.totp_enabled_at)
      throw invalidInput(
        'settings.adminsNeedTwoFactor',
        'set up two-factor sign-in on your own account page first, then ask it of every administrator',
      );
  }
  const changed = Object.keys(clean).filter(
    (key) =>
      JSON.stringify(clean[key as keyof SiteSettings]) !== JSON.stringify(current[key as keyof SiteSettings]),
  );
  await db.transaction().execute(async (trx) => {
    await writeSettings(trx, clean);
    await recordAudit(trx, {
      at: ctx.now().toISOString(),
      actor,
      action: 'settings.update',
      subject: changed.length ? changed.join(', ') : 'no changes',
    });
  });
  if (changed.length) await ctx.events.emit('settings.changed', {});
  return getSettings(db);
}

/** A date as the site would show it with this pattern and zone, for the settings page's example. */
export function dateExample(pattern: string, timeZone: string, at: Date): string {
  return formatDate(at, isTimeZone(timeZone) ? timeZone : 'UTC', pattern || DEFAULT_DATE_FORMAT);
}

const DATE_TOKEN = /YYYY|MMMM|MMM|MM|M|DD|D|dddd|ddd|HH|mm/;

async function writeSettings(db: Db, clean: Partial<SiteSettings>): Promise<void> {
  for (const [key, value] of Object.entries(clean)) await writeSetting(db, key, JSON.stringify(value));
}

/** The changed settings, complete and checked; every message names the field (`settings.tagline: ...`). */
export function validateSettings(current: SiteSettings, changes: SettingsChanges): Partial<SiteSettings> {
  const out: Partial<SiteSettings> = {};
  for (const key of Object.keys(changes ?? {})) {
    if (!(key in DEFAULT_SETTINGS)) throw invalidInput(`settings.${key}`, 'is not a setting');
  }
  const c = changes ?? {};
  const f = (name: string) => `settings.${name}`;
  if (c.name !== undefined) out.name = cleanName(c.name, f('name'), 100);
  if (c.tagline !== undefined) out.tagline = line(c.tagline, f('tagline'), 200);
  if (c.timeZone !== undefined) {
    const zone = String(c.timeZone).trim();
    if (!zone || !isTimeZone(zone)) throw invalidInput(f('timeZone'), `"${zone}" is not a known time zone`);
    out.timeZone = zone;
  }
  if (c.dateFormat !== undefined) {
    const pattern = cleanName(c.dateFormat, f('dateFormat'), 60);
    if (!DATE_TOKEN.test(pattern))
      throw invalidInput(
        f('dateFormat'),
        'must contain at least one of YYYY, MMMM, MMM, MM, D, DD, dddd, HH, mm',
      );
    out.dateFormat = pattern;
  }
  if (c.language !== undefined) out.language = language(c.language, f('language'));
  if (c.adminsNeedTwoFactor !== undefined) {
    if (typeof c.adminsNeedTwoFactor !== 'boolean')
      throw invalidInput(f('adminsNeedTwoFactor'), 'must be true or false');
    out.adminsNeedTwoFactor = c.adminsNeedTwoFactor;
  }
  if (c.social !== undefined) {
    const social = object(c.social, f('social'));
    out.social = {
      twitter: url(social.twitter, current.social.twitter, f('social.twitter')),
      facebook: url(social.facebook, current.social.facebook, f('social.facebook')),
    };
  }
  if (c.support !== undefined) {
    const support = object(c.support, f('support'));
    const was = current.support;
    out.support = {
      appeal: support.appeal === undefined ? was.appeal : cleanText(support.appeal, f('support.appeal'), 500),
      linkText:
        support.linkText === undefined
          ? was.linkText
          : cleanName(support.linkText, f('support.linkText'), 60),
      pageTitle:
        support.pageTitle === undefined
          ? was.pageTitle
          : cleanName(support.pageTitle, f('support.pageTitle'), 120),
      pageText:
        support.pageText === undefined
          ? was.pageText
          : cleanText(support.pageText, f('support.pageText'), 5000),
      donateUrl: url(support.donateUrl, was.donateUrl, f('support.donateUrl')),
    };
  }
  return out;
}

function line(input: unknown, field: string, max: number): string {
  return cleanText(input, field, max).replace(/\s+/g, ' ');
}

function url(input: unknown, previous: string, field: string): string {
  return input === undefined ? previous : (cleanUrl(input, field) ?? '');
}

function object(input: unknown, field: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw invalidInput(field, 'must be an object');
  return input as Record<string, unknown>;
}

function language(input: unknown, field: string): string {
  const tag = String(input ?? '').trim();
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag))
    throw invalidInput(field, `"${tag}" is not a language tag such as en, bg or pt-BR`);
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    throw invalidInput(field, `"${tag}" is not a language tag such as en, bg or pt-BR`);
  }
}

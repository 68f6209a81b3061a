import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app.js';
import { dateExample, getSettingsFor, updateSettings, type SettingsChanges } from '../../content/index.js';
import { actor } from '../auth.js';
import { adminContext } from '../admin-context.js';
import { redirectWithFlash } from '../flash.js';
import { formOf, SettingsPage, type SettingsForm } from '../pages/settings-page.js';
import { attempt, field, pageContext, sendAdminPage, type FormBody } from './taxonomy.routes.js';

/** The settings form's flat fields as the changes `updateSettings` takes. */
export function changesOf(form: SettingsForm): SettingsChanges {
  return {
    name: form.name,
    tagline: form.tagline,
    timeZone: form.timeZone,
    dateFormat: form.dateFormat,
    language: form.language,
    social: { twitter: form.twitter, facebook: form.facebook },
    support: {
      appeal: form.appeal,
      linkText: form.linkText,
      pageTitle: form.pageTitle,
      pageText: form.pageText,
      donateUrl: form.donateUrl,
    },
    adminsNeedTwoFactor: form.adminsNeedTwoFactor,
  };
}

const FIELDS: (keyof SettingsForm)[] = [
  'name',
  'tagline',
  'timeZone',
  'dateFormat',
  'language',
  'twitter',
  'facebook',
  'appeal',
  'linkText',
  'pageTitle',
  'pageText',
  'donateUrl',
];

/** The site's settings page, for administrators. */
export function settingsRoutes(app: FastifyInstance, services: AppServices): void {
  const { db } = services;

  app.get('/admin/settings', async (request, reply) => {
    const settings = await getSettingsFor(db, actor(request));
    const { ctx, error } = await pageContext(services, request, reply);
    return sendAdminPage(
      reply,
      <SettingsPage
        ctx={ctx}
        values={formOf(settings)}
        example={dateExample(settings.dateFormat, settings.timeZone, services.now())}
        problem={error}
      />,
    );
  });

  app.post<{ Body: FormBody }>(
    '/admin/settings',
    { config: { form: [...FIELDS, 'adminsNeedTwoFactor'] } },
    async (request, reply) => {
      const me = actor(request);
      const form = Object.fromEntries(FIELDS.map((key) => [key, field(request.body, key)])) as SettingsForm;
      // A checkbox is sent when ticked, and not at all when not.
      form.adminsNeedTwoFactor = request.body?.adminsNeedTwoFactor !== undefined;
      const result = await attempt(() => updateSettings(services.content, me, changesOf(form)));
      if (result.ok) return redirectWithFlash(reply, '/admin/settings', { notice: 'Settings saved.' });
      const ctx = await adminContext(services, request);
      return sendAdminPage(
        reply,
        <SettingsPage
          ctx={ctx}
          values={form}
          example={dateExample(form.dateFormat ?? '', form.timeZone ?? 'UTC', services.now())}
          problem={result.problem}
        />,
        result.status,
      );
    },
  );
}

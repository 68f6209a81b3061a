import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app.js';
import { dateExample, getSettingsFor, updateSettings, type SettingsChanges } from '../../content/index.js';
import { actor } from '../auth.js';

const text = (maxLength: number, description?: string) => ({ type: 'string', maxLength, description });
const url = { type: 'string', maxLength: 500, description: 'http(s) address, or empty for none' };

const settingsBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: text(100),
    tagline: text(200),
    timeZone: text(100, 'an IANA time zone, e.g. Europe/Sofia'),
    dateFormat: text(60, 'tokens: YYYY MMMM MMM MM M DD D dddd ddd HH mm'),
    language: text(20, 'a language tag, e.g. en or pt-BR'),
    social: {
      type: 'object',
      additionalProperties: false,
      properties: { twitter: url, facebook: url },
    },
    support: {
      type: 'object',
      additionalProperties: false,
      properties: {
        appeal: text(500),
        linkText: text(60),
        pageTitle: text(120),
        pageText: text(5000),
        donateUrl: url,
      },
    },
    adminsNeedTwoFactor: {
      type: 'boolean',
      description: 'administrators must use two-factor sign-in',
    },
  },
} as const;

/** Site settings in the admin API (administrators only). */
export function settingsApi(app: FastifyInstance, services: AppServices): void {
  const { db } = services;

  app.get(
    '/api/admin/settings',
    { schema: { tags: ['settings'], summary: 'The site’s settings' } },
    async (request) => getSettingsFor(db, actor(request)),
  );

  app.put<{ Body: SettingsChanges }>(
    '/api/admin/settings',
    {
      schema: {
        tags: ['settings'],
        summary: 'Change any of the settings; the ones not sent stay as they are',
        body: settingsBody,
      },
    },
    async (request) => updateSettings(services.content, actor(request), request.body),
  );

  app.get<{ Querystring: { format?: string; timeZone?: string } }>(
    '/api/admin/settings/date-example',
    {
      schema: {
        tags: ['settings'],
        summary: 'The current time as readers would see it with this date format and time zone',
        querystring: {
          type: 'object',
          properties: { format: text(60), timeZone: text(100) },
        },
      },
    },
    async (request) => {
      const settings = await getSettingsFor(db, actor(request));
      const format = request.query.format || settings.dateFormat;
      const timeZone = request.query.timeZone || settings.timeZone;
      return { example: dateExample(format, timeZone, services.now()) };
    },
  );
}

import type { FastifyRequest } from 'fastify';
import type { AppServices } from '../app.js';
import { getSettings } from '../content/index.js';
import type { AdminContext } from './pages/admin-layout.js';

export async function adminContext(
  services: AppServices,
  request: FastifyRequest,
  notice?: string,
): Promise<AdminContext> {
  const settings = await getSettings(services.db);
  return {
    user: request.user,
    csrfToken: request.csrfToken,
    siteName: settings.name,
    path: request.url,
    assets: services.adminAssets,
    notice,
  };
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { AppServices } from '../app.js';
import { getSettings } from '../content/index.js';
import { sendPage } from '../site/render.js';
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

/** Back-office pages show one person's data: never stored by a browser or a cache in front. */
export function sendAdminPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return sendPage(reply.header('cache-control', 'private, no-store'), page, status);
}

/**
 * Sends the page `render` makes with this request's context, `notice` shown
 * at its top: `renderAdminPage(services, request, reply, { status: 400 }, (ctx) => <AuditPage ctx={ctx} … />)`.
 */
export async function renderAdminPage(
  services: AppServices,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { notice?: string; status?: number },
  render: (ctx: AdminContext) => VNode,
): Promise<FastifyReply> {
  const ctx = await adminContext(services, request, options.notice);
  return sendAdminPage(reply, render(ctx), options.status);
}

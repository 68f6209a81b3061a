import http from 'node:http';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import compress from '@fastify/compress';
import { backOffice } from './admin/index.js';
import { registerAdminAssets } from './admin/assets.js';
import type { FrontDoor } from './cache/http.js';
import { clientAddress, proxyTrust } from './plugins/client-address.js';
import { createServices, type Peers, type Services } from './services.js';
import { registerAssets } from './site/assets.js';
import { readerSite, siteProblems } from './site/index.js';

/** What routes receive: the shared services, and the asset URLs this app serves. */
export interface AppServices extends Services {
  assets: { css: string; js: string };
  adminAssets: { css: string; js: string; editorJs: string };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's services, for tests and commands that built the app. */
    services: AppServices;
    /** Every route, as registered: for the route-coverage tests and `newsdesk routes`. */
    routeTable: { method: string; url: string }[];
    /** Requests the front doors answered before routing (cache/http.ts FrontDoor), since the start. */
    readonly answeredEarly: number;
  }
}

export interface BuildOptions {
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** The other worker processes, under `serve --workers N`. */
  peers?: Peers;
  /** This worker's number, named on every answer (`X-Served-By: worker-N`). */
  worker?: number;
}

/**
 * Builds the whole application without listening: the services (opened,
 * migrated, wired: createServices), then HTTP: compression, assets, and the
 * two rooms, the reader site (behind the page cache, and answering every URL
 * no room has) and the back office. `main.ts` listens; tests inject.
 */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  // Every answer names its worker under `serve --workers N`: the doors add it to their own headers.
  const served: string[] = options.worker === undefined ? [] : ['x-served-by', `worker-${options.worker}`];
  const trust = proxyTrust(config.trustProxy);
  const doors: FrontDoor[] = [];
  let answeredEarly = 0;
  let closing = false;
  // Fastify logs every request it answers at info; the doors' answers get a line too.
  const logDoors = ['trace', 'debug', 'info'].includes(config.logLevel);

  /** Asks each front door in turn; true when one answered. A door that fails leaves the request to Fastify. */
  const answerEarly = (request: http.IncomingMessage, response: http.ServerResponse): boolean => {
    const start = logDoors ? performance.now() : 0;
    for (const door of doors) {
      let answered: boolean;
      try {
        answered = door(request, response, served);
      } catch (error) {
        app.log.error({ err: error, req: { method: request.method, url: request.url } }, 'front door failed');
        // Half an answer cannot be taken back; else Fastify answers it, with its own error page if it fails too.
        if (response.headersSent) response.destroy();
        return response.headersSent;
      }
      if (!answered) continue;
      answeredEarly++;
      if (logDoors)
        app.log.info(
          {
            req: { method: request.method, url: request.url, remoteAddress: clientAddress(request, trust) },
            res: { statusCode: response.statusCode },
            responseTime: performance.now() - start,
            early: true,
          },
          'request completed',
        );
      return true;
    }
    return false;
  };

  const app: FastifyInstance = Fastify({
    logger: { level: config.logLevel },
    trustProxy: trust,
    // Room for long search queries in the URL, nothing more.
    routerOptions: { maxParamLength: 500 },
    bodyLimit: 1024 * 1024,
    // The server asks the reader site's front doors first (page-cache hits, view beacons: answered
    // before routing, cache/http.ts FrontDoor); everything else, and everything once closing, goes on.
    serverFactory: (handler, fastifyOptions) => {
      const server = http.createServer((request, response) => {
        if (!closing && answerEarly(request, response)) return;
        for (let i = 0; i < served.length; i += 2) response.setHeader(served[i]!, served[i + 1]!);
        handler(request, response);
      });
      // What Fastify sets on a server it makes itself, from its options with their defaults.
      const given = fastifyOptions as {
        keepAliveTimeout?: number;
        requestTimeout?: number;
        connectionTimeout?: number;
      };
      server.keepAliveTimeout = given.keepAliveTimeout ?? 72_000;
      server.requestTimeout = given.requestTimeout ?? 0;
      server.setTimeout(given.connectionTimeout ?? 0);
      return server;
    },
  });
  // From the start of a graceful stop, Fastify answers everything (a 503 to new requests).
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  const routeTable: { method: string; url: string }[] = [];
  app.decorate('routeTable', routeTable);
  app.decorate('answeredEarly', { getter: () => answeredEarly });
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routeTable.push({ method, url: route.url });
  });

  const core = await createServices(config, { now: options.now, log: app.log, peers: options.peers });

  // Compression before any route, so every text answer (pages, feeds, JSON, CSS, the editor bundle) can use it.
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  // Stylesheets, scripts and the editor bundle: static, outside both rooms.
  const services: AppServices = {
    ...core,
    assets: registerAssets(app),
    adminAssets: await registerAdminAssets(app),
  };
  // The two rooms, each an encapsulated plugin with its own hooks, parsers, errors and caching;
  // what neither answers, and the assets' errors, are answered the reader site's way.
  // Readers' pages read the replica when there is one (DATABASE_READ_URL).
  const reading: AppServices = { ...services, ...services.reading };
  siteProblems(app, reading);
  await app.register(readerSite, {
    services: reading,
    server: app,
    trust,
    frontDoor: (door) => doors.push(door),
  });
  await app.register(backOffice, { services });

  core.start();
  // A graceful stop writes buffered views before the database closes.
  app.addHook('onClose', () => core.stop());
  app.decorate('services', services);
  return app;
}

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';

/** Where `npm run build` puts the web app (the same from src/http and dist/http). */
export const DEFAULT_WEB_DIR = join(import.meta.dirname, '..', '..', 'dist', 'web');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * The web app at `/`, from the same origin as the API (no CORS): the built files are read once
 * into memory; hashed assets are cached for a year, the page itself never.
 */
export function webApp(dir = DEFAULT_WEB_DIR): FastifyPluginAsync {
  return async (app) => {
    const config = { public: true };
    if (!existsSync(join(dir, 'index.html'))) {
      app.get('/', { config, schema: { hide: true } }, async (_request, reply) =>
        reply.status(503).type('text/plain; charset=utf-8').send('The web app is not built: run npm run build (npm start does).'),
      );
      return;
    }
    for (const file of filesUnder(dir)) {
      const url = `/${relative(dir, file).split(sep).join('/')}`;
      const body = readFileSync(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const page = url === '/index.html';
      const cache = page ? 'no-cache' : url.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
      const send = async (_request: unknown, reply: import('fastify').FastifyReply) => reply.type(type).header('cache-control', cache).send(body);
      app.get(page ? '/' : url, { config, schema: { hide: true } }, send);
    }
  };
}

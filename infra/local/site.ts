/**
 * The local gateway's static site: serves the web build (web/dist) exactly as CloudFront does in a stage —
 * portal at `/`, console at `/console/`, the same security headers — plus `/config.json`, which a deployed stack
 * writes into its bucket. The build is made on start when missing or older than its sources.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { siteHeaders } from '../site-headers.ts';
import { REPO_ROOT } from './auth.ts';

export const WEB_ROOT = resolve(REPO_ROOT, 'web');
export const WEB_DIST = resolve(WEB_ROOT, 'dist');
/** What the web build reads; a change in any of them makes the build stale. */
const WEB_SOURCES = [WEB_ROOT, resolve(REPO_ROOT, 'shared/chat'), resolve(REPO_ROOT, 'shared/domain')];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

const newestMtime = (dir: string, skip: string): number => {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (path === skip || entry.name === 'node_modules') continue;
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path, skip) : statSync(path).mtimeMs);
  }
  return newest;
};

export const webBuildIsStale = (): boolean => {
  const marker = join(WEB_DIST, 'index.html');
  if (!existsSync(marker)) return true;
  const built = statSync(marker).mtimeMs;
  return WEB_SOURCES.some((dir) => newestMtime(dir, WEB_DIST) > built);
};

/** Builds web/ with Vite when the build is missing or stale; returns whether it built. */
export const ensureWebBuild = async (log: (message: string) => void = () => undefined): Promise<boolean> => {
  if (!webBuildIsStale()) return false;
  log('building the web site (web/ → web/dist)');
  const { build } = await import('vite');
  await build({ configFile: join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  return true;
};

export interface LocalSiteConfig {
  readonly apiUrl: string;
  readonly stage: string;
  readonly whatsappNumber?: string;
}

export interface StaticResult {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/**
 * A static response for GET/HEAD of a site path, or undefined when the path is not the site's (the API routes
 * then answer). `config` is the local equivalent of the stack's config.json.
 */
export const createSiteHandler = (
  config: () => LocalSiteConfig,
  /** Origins the pages may call besides their own: the emulator's S3, where the portal posts evidence. */
  connect: readonly string[] = [],
) => {
  const headers = siteHeaders({ connect });
  const file = (path: string, cache: string): StaticResult | undefined => {
    const full = normalize(join(WEB_DIST, path));
    if (!full.startsWith(WEB_DIST + sep) || !existsSync(full) || !statSync(full).isFile()) return undefined;
    return {
      statusCode: 200,
      headers: {
        ...headers,
        'content-type': CONTENT_TYPES[extname(full)] ?? 'application/octet-stream',
        'cache-control': cache,
      },
      body: readFileSync(full),
    };
  };
  return (method: string, path: string): StaticResult | undefined => {
    if (method !== 'GET' && method !== 'HEAD') return undefined;
    if (path === '/config.json') {
      const { apiUrl, stage, whatsappNumber } = config();
      const body = Buffer.from(
        JSON.stringify({
          apiUrl,
          stage,
          ...(whatsappNumber ? { whatsappNumber } : {}),
          auth: { kind: 'local', tokenUrl: `${apiUrl}/__local/auth/token` },
        }),
      );
      return {
        statusCode: 200,
        headers: { ...headers, 'content-type': 'application/json', 'cache-control': 'no-store' },
        body,
      };
    }
    if (path === '/console') {
      return { statusCode: 301, headers: { ...headers, location: '/console/' }, body: Buffer.alloc(0) };
    }
    if (path === '/' || path === '/index.html') return file('index.html', 'no-cache');
    if (path === '/console/' || path === '/console/index.html') return file('console/index.html', 'no-cache');
    // Hashed assets never change under their name.
    if (path.startsWith('/assets/')) return file(path, 'public, max-age=31536000, immutable');
    return undefined;
  };
};

/**
 * The web front end's build: two pages (citizen portal at `/`, officer console at `/console/`) into web/dist,
 * served as is by the local gateway and by CloudFront (docs/web.md).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    // Chromium, Safari and Firefox of the last years; no polyfills, no inline preload helper (strict CSP).
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    rollupOptions: {
      input: { citizen: here('./index.html'), console: here('./console/index.html') },
    },
  },
});

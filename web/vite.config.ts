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
      // shared/domain and shared/chat are pure (docs/architecture): importing one of their modules does nothing
      // but define things, so a page keeps only what it uses. Without this, the portal's first load carried the
      // bot's catalog and zod (the shared domain's schemas) once render.ts began naming posts per district:
      // 64 KB of JavaScript against the 60 KB budget; with it, about 52 KB.
      treeshake: {
        moduleSideEffects: (id: string) => !/[\\/]shared[\\/]/.test(id),
      },
    },
  },
});

import preact from '@preact/preset-vite';
import { join } from 'node:path';
import { defineConfig } from 'vite';

/** The web app: src/web → dist/web (served by the service at /). No CDN: everything is bundled. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [preact()],
  build: { outDir: join(import.meta.dirname, '..', '..', 'dist', 'web'), emptyOutDir: true, sourcemap: false },
  logLevel: 'warn',
});

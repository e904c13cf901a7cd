/// <reference types="vitest/config" />
/// <reference types="node" />
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The journal's first screen, in the built page (decision 0067): the template generated from the
 * app's components (src/lib/startup/first-screen.html, kept fresh by first-screen.test.ts) and
 * the small classic script that fills it from the page's start data before the app's bundle runs
 * (src/lib/startup/first-screen-page.ts, built here on its own). The script is inline so that no
 * request stands between it and the first paint; Tauri adds its hash to the page's CSP.
 */
function firstScreen(): Plugin {
  return {
    name: 'trajectory-first-screen',
    apply: 'build',
    transformIndexHtml: {
      // After Vite has put the bundle's <script type="module"> into the page.
      order: 'post',
      async handler(html) {
        const template = fs.readFileSync(`${here}src/lib/startup/first-screen.html`, 'utf8').trimEnd();
        const built = await build({
          configFile: false,
          root: here,
          logLevel: 'warn',
          publicDir: false,
          build: {
            write: false,
            target: 'safari16',
            minify: true,
            lib: { entry: `${here}src/lib/startup/first-screen-page.ts`, formats: ['iife'], name: 'trajectoryFirstScreen' },
          },
        });
        const outputs = Array.isArray(built) ? built : [built];
        const chunk = outputs.flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
        if (!chunk || chunk.type !== 'chunk') throw new Error('the first screen script did not build');
        const code = chunk.code.trim();
        // Inside a <script> element, these would end it or change how it is parsed.
        if (/<\/script|<!--|<script/i.test(code)) throw new Error('the first screen script contains markup that would end its element');
        // The app's bundle is preloaded, not run by the page: the first screen's script starts it
        // once the first screen is painted (WebKit paints nothing while a module script waits).
        const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html);
        if (!entry) throw new Error("index.html has no module script for the app's bundle");
        if (!html.includes('<div id="app"></div>')) throw new Error('index.html has no empty <div id="app"></div>');
        return html
          .replace(entry[0], `<link rel="modulepreload" crossorigin href="${entry[1]}" data-app-module>`)
          .replace(
            '<div id="app"></div>',
            `<div id="app"></div>\n    <template id="first-screen">${template}</template>\n    <script>${code}</script>`,
          );
      },
    },
  };
}

// Tauri serves the built files from the app root and the dev server from a fixed port, so the
// defaults for `base` are right. The webview is WebKitGTK 2.50, roughly Safari 16+.
export default defineConfig(({ mode }) => ({
  plugins: [svelte(), firstScreen()],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    // Tests read the shared hostile-text corpus from the repository's tests/fixtures/.
    fs: mode === 'test' ? { allow: ['.', '../tests/fixtures'] } : undefined,
  },
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  build: {
    target: 'safari16',
    outDir: 'dist',
    emptyOutDir: true,
    // The CSP forbids inline styles and scripts other than the page's own first-screen script
    // (whose hash Tauri adds): keep every asset a file of its own.
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    sourcemap: false,
  },
  // Vitest runs components in jsdom: use Svelte's client build, not its server build.
  resolve: mode === 'test' ? { conditions: ['browser'] } : undefined,
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
  },
}));

/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Tauri serves the built files from the app root and the dev server from a fixed port, so the
// defaults for `base` are right. The webview is WebKitGTK 2.50, roughly Safari 16+.
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
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
    // The CSP forbids inline scripts and styles: keep every asset a file of its own.
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

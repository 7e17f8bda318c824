import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Preact through esbuild's automatic JSX runtime: no Babel preset needed for a production build.
export default defineConfig({
  base: '/dashboard/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill would be an inline script, which the page's CSP (script-src 'self') refuses.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        widgetFrame: resolve(import.meta.dirname, 'widget-frame.html'),
      },
    },
  },
  server: {
    proxy: { '^/(developers|connect|connections|accounts|link|banks|v1|sandbox)': 'http://127.0.0.1:3000' },
  },
});

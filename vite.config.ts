import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app (portal, console, admin): built to dist/web and served by `guichet serve`. */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/docs': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' } },
});

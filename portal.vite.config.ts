import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The external portal (src-portal), served by the central server at /portal/ (src-server/portal). */
export default defineConfig({
  root: 'src-portal',
  base: '/portal/',
  plugins: [react()],
  build: {
    outDir: resolve('out/portal'),
    emptyOutDir: true,
    // One bundle of React, Designsystemet and zod (about 0.6 MB, 0.17 MB gzipped): small enough for a portal.
    chunkSizeWarningLimit: 1000,
    rollupOptions: { input: { index: resolve('src-portal/index.html') } },
  },
});

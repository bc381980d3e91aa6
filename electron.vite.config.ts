import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { main: resolve('src-main/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload may only require electron, events, timers and url:
      // bundle everything else (zod, the shared contract) into the one file.
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve('src-main/preload/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified by default; the bundle is 2+ MB without it.
      minify: true,
      // .vite/manifest.json: which chunks the entry imports statically (bench/support/initial-js.ts).
      manifest: true,
      rollupOptions: {
        input: { index: resolve('src-renderer/index.html') },
        // The design system's React package declares no `sideEffects`, so importing one component
        // would pull all of it into the entry chunk. Its modules are pure; its global behaviours
        // come from @digdir/designsystemet-web, which src-renderer/app/started-app.tsx imports.
        treeshake: { moduleSideEffects: (id) => !/[\\/]node_modules[\\/]@digdir[\\/]designsystemet-react[\\/]/.test(id) },
      },
    },
  },
});

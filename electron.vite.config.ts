import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      // Only the native driver stays outside the bundle; kysely and zod are ESM-only or small and bundle cleanly into CJS.
      externalizeDeps: { exclude: ['kysely', 'zod'] },
      rollupOptions: {
        input: {
          // The Electron shell, and the loopback host that serves the same renderer and services to a browser.
          index: resolve(__dirname, 'src/main/index.ts'),
          'web-host': resolve(__dirname, 'src/main/web/serve.ts'),
          // The team's desk server (npm run server): the same services and renderer on PostgreSQL.
          'desk-server': resolve(__dirname, 'src/main/server/serve-team.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require packages, so everything it uses is bundled into one CJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});

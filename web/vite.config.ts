import { defineConfig } from 'vitest/config';

/**
 * The SPA is served by the gateway at `/` (same origin as the API). `npm run dev` proxies the API to a gateway on
 * 127.0.0.1:8080 (deploy/local/up.sh). Three test projects: unit (pure), interop (the Java vectors; needs
 * target/interop/java-vectors.json from the Maven test phase) and e2e (Chromium against the running system).
 */
export default defineConfig({
  base: '/',
  build: {
    outDir: 'target/dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'interop', include: ['test/interop/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'e2e', include: ['e2e/**/*.test.ts'], environment: 'node', testTimeout: 300_000, hookTimeout: 120_000, fileParallelism: false } },
    ],
  },
});

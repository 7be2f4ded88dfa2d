import { defineConfig } from 'vitest/config';

// `isolate: false`: a worker runs its test files one after another without loading everything
// again for each (README, "How the tests run").
/** End-to-end tests start the whole local platform: allow it time on a busy 2-core machine. */
export default defineConfig({ test: { testTimeout: 30_000, hookTimeout: 90_000, isolate: false } });

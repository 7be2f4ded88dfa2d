import { defineConfig } from 'vitest/config';

/** End-to-end tests start the whole local platform: allow it time on a busy 2-core machine. */
export default defineConfig({ test: { testTimeout: 30_000, hookTimeout: 90_000 } });

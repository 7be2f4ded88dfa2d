import { defineConfig } from 'vitest/config';

/** Platform tests start local pieces and run workflows: allow them time on a busy 2-core machine. */
export default defineConfig({ test: { testTimeout: 30_000, hookTimeout: 90_000 } });

import { defineConfig } from 'vitest/config';

// `isolate: false`: a worker runs its test files one after another without loading everything
// again for each (README, "How the tests run").
export default defineConfig({ test: { isolate: false } });

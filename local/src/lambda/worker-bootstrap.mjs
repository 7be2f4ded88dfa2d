// A function's worker starts here, in plain JavaScript, so that it can register tsx (which then
// compiles the TypeScript runner and the handler) whether the platform runs under tsx or vitest.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./handler-runner.ts', import.meta.url).href);

/**
 * How every function is bundled, on AWS (the CDK's NodejsFunction) and locally (`npm start`
 * runs the same bundles): ESM for Node 24, minified with names kept, source maps so stack traces
 * name the TypeScript, and the AWS SDK left out because Lambda's Node runtime provides it (the
 * local workers resolve it from the repository's node_modules).
 */
export const BUNDLING = {
  format: 'esm',
  target: 'node24',
  platform: 'node',
  mainFields: ['module', 'main'],
  minify: true,
  keepNames: true,
  sourcemap: true,
  externals: ['@aws-sdk/*'],
  /** Some dependencies are CommonJS and call `require`, which an ES module lacks. */
  banner:
    "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
} as const;

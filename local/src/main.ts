/**
 * `npm start`. Ctrl-C and SIGTERM are caught before anything heavy loads, so a stop asked for at
 * any moment (even while the platform is still starting) ends in a clean stop and exit code 0.
 */
const stopRequested = new Promise<string>((resolve) => {
  process.once('SIGINT', () => resolve('SIGINT'));
  process.once('SIGTERM', () => resolve('SIGTERM'));
});
const { runPlatform } = await import('./run-platform.ts');
await runPlatform(stopRequested);

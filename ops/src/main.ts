import { runOps } from './cli.ts';

process.exitCode = await runOps(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});

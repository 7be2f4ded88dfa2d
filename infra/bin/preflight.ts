import { fileURLToPath } from 'node:url';
import { preflightCli } from '../src/preflight/cli.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
process.exitCode = await preflightCli(process.argv.slice(2), { repoRoot });

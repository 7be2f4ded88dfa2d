import { describe, expect, it } from 'vitest';
import { preflightCli } from '../../src/preflight/cli.ts';
import { repoRoot } from '../build-app.ts';

/** The command's answers that need no AWS call: its usage. */
const run = async (...argv: string[]) => {
  let out = '';
  let err = '';
  const code = await preflightCli(argv, {
    repoRoot,
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
  });
  return { code, out, err };
};

describe('npm run preflight', () => {
  it('requires a valid stage, and says so with the usage', async () => {
    const missing = await run();
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^--stage: is required\n\nUsage: npm run preflight/);

    const invalid = await run('--stage', 'Prod_1');
    expect(invalid.code).toBe(2);
    expect(invalid.err).toContain('--stage: must match /^[a-z][a-z0-9]{0,9}$/');
  });

  it('validates the region and the domain as the CDK context does', async () => {
    const { code, err } = await run('--stage', 'prod', '--region', 'mars', '--domain', 'nodot');
    expect(code).toBe(2);
    expect(err).toContain('--region: must be an AWS region');
    expect(err).toContain('--domain: must be a domain name');
  });

  it('refuses options it does not know, and prints its usage on --help', async () => {
    expect((await run('--stage', 'prod', '--profile', 'x')).code).toBe(2);
    const help = await run('--help');
    expect(help).toMatchObject({ code: 0, err: '' });
    expect(help.out).toContain('--domain  the site');
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalog } from '@mytabs/contracts';
import { type LoadedManifest, loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type MyTabsConfig, readConfig } from '../src/config.ts';
import { buildMyTabs, type MyTabsStacks } from '../src/mytabs-app.ts';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const fixturesRoot = fileURLToPath(new URL('./fixtures', import.meta.url));

/** cdk.json's feature flags (keys under `@aws-cdk`), which `npm run synth` applies too. */
export const featureFlags = (): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(
      JSON.parse(readFileSync(fileURLToPath(new URL('../cdk.json', import.meta.url)), 'utf8'))
        .context,
    ).filter(([key]) => key.startsWith('@aws-cdk')),
  );

export interface BuiltApp {
  app: App;
  config: MyTabsConfig;
  stacks: MyTabsStacks;
  services: LoadedManifest[];
  /** Template of a service's stack. */
  serviceTemplate: (service: string) => Template;
}

/**
 * The CDK app built from the manifests under `root` (the repository, or the fixtures) and
 * synthesized once, cdk-nag included: an unacknowledged finding throws here.
 */
export const buildApp = async (
  root: string,
  context: Record<string, unknown> = {},
): Promise<BuiltApp> => {
  // CDK's own CloudFormation schema check only warns and costs seconds; `npm run synth` keeps it.
  const app = new App({
    context: { ...featureFlags(), ...context },
    builtinCloudFormationValidation: false,
  });
  const services = await loadManifests(root);
  const config = readConfig((key) => app.node.tryGetContext(key));
  const stacks = buildMyTabs(app, {
    config,
    services,
    events: catalog,
    projectRoot: repoRoot,
  });
  app.synth();
  const templates = new Map<string, Template>();
  return {
    app,
    config,
    stacks,
    services,
    serviceTemplate: (service) => {
      let template = templates.get(service);
      if (!template) {
        const stack = stacks.services[service];
        if (!stack) throw new Error(`no stack for ${service}`);
        template = Template.fromStack(stack);
        templates.set(service, template);
      }
      return template;
    },
  };
};

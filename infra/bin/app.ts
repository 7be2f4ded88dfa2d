import { fileURLToPath } from 'node:url';
import { catalog } from '@mytabs/contracts';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { App } from 'aws-cdk-lib';
import { readConfig } from '../src/config.ts';
import { buildMyTabs } from '../src/mytabs-app.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const app = new App();
buildMyTabs(app, {
  config: readConfig((key) => app.node.tryGetContext(key)),
  services: await loadManifests(repoRoot),
  events: catalog,
  projectRoot: repoRoot,
});
app.synth();

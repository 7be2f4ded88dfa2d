import { CURRENTLY_RECOMMENDED_FLAGS } from 'aws-cdk-lib/cx-api';
import { expect, it } from 'vitest';
import { featureFlags } from './build-app.ts';

it("sets every feature flag the installed CDK recommends, so an upgrade's new ones are decided", () => {
  expect(featureFlags()).toEqual(CURRENTLY_RECOMMENDED_FLAGS);
});

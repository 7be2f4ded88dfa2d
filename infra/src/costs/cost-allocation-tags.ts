import { Tags } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * The cost allocation tags on every taggable resource under `scope`: `project` and `stage`, and
 * `service` on a service's stack, so Cost Explorer splits the bill by stage and service once the
 * tags are activated in the billing console (infra/README.md).
 */
export const tagCosts = (scope: IConstruct, tags: { stage: string; service?: string }) => {
  Tags.of(scope).add('project', 'mytabs');
  Tags.of(scope).add('stage', tags.stage);
  if (tags.service) Tags.of(scope).add('service', tags.service);
};

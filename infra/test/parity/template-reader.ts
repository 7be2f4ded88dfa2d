import { ACCOUNT, localArns, REGION } from '@mytabs/local';
import type { Json } from '../template-queries.ts';

/** The resources of one template, by logical id (what its `Ref`s name). */
export type Resources = Record<string, { Type: string; Properties?: Json }>;

/** What a value could not be rendered to: a reference to something only AWS knows. */
export const UNRESOLVED = Symbol('unresolved');

const PSEUDO: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': REGION,
  'AWS::AccountId': ACCOUNT,
  'AWS::URLSuffix': 'amazonaws.com',
};

/** The ARN a resource of ours has, from its physical name, as the local stage names it. */
const arnOf = (resources: Resources, id: string) => {
  const resource = resources[id];
  const props = resource?.Properties ?? {};
  switch (resource?.Type) {
    case 'AWS::Lambda::Function':
      return localArns.function(props.FunctionName);
    case 'AWS::SQS::Queue':
      return localArns.queue(props.QueueName);
    case 'AWS::StepFunctions::StateMachine':
      return localArns.stateMachine(props.StateMachineName);
    case 'AWS::Events::EventBus':
      return localArns.bus(props.Name);
    default:
      return UNRESOLVED;
  }
};

/** A resource a `Ref` points at, by its name: what both sides are matched on. */
const refOf = (resources: Resources, id: string) => {
  const resource = resources[id];
  switch (resource?.Type) {
    case 'AWS::Lambda::Function':
      return resource.Properties?.FunctionName;
    case 'AWS::ApiGateway::Authorizer':
      return resource.Properties?.Name;
    default:
      return UNRESOLVED;
  }
};

/**
 * A template value as it would be once deployed in the local stage's account and region: pseudo
 * parameters filled, `Fn::Join` joined, ARNs of our named resources spelled out. Anything that
 * only exists on AWS (a user pool's generated id) becomes UNRESOLVED.
 */
export const render = (value: Json, resources: Resources): Json => {
  if (Array.isArray(value)) return value.map((v) => render(v, resources));
  if (value === null || typeof value !== 'object') return value;
  if ('Ref' in value) return PSEUDO[value.Ref] ?? refOf(resources, value.Ref);
  if ('Fn::Join' in value) {
    const [separator, parts] = value['Fn::Join'] as [string, Json[]];
    const rendered = parts.map((p) => render(p, resources));
    return rendered.includes(UNRESOLVED) ? UNRESOLVED : rendered.join(separator);
  }
  if ('Fn::GetAtt' in value) {
    const [id, attribute] = value['Fn::GetAtt'] as [string, string];
    return attribute === 'Arn' ? arnOf(resources, id) : UNRESOLVED;
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, render(v, resources)]));
};

/** The properties of every resource of a type, across the templates, each rendered in its own. */
export const ofType = (templates: readonly Resources[], type: string): Json[] =>
  templates.flatMap((resources) =>
    Object.values(resources)
      .filter((r) => r.Type === type)
      .map((r) => render(r.Properties ?? {}, resources)),
  );

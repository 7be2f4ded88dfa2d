import type { Template } from 'aws-cdk-lib/assertions';

/** Small readers over a synthesized template, so the checks read like what they check. */

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON is untyped by nature.
export type Json = any;

export const resources = (t: Template, type: string): [string, Json][] =>
  Object.entries(t.findResources(type)).map(([id, r]) => [id, r.Properties ?? {}]);

export const one = <T>(items: T[], what: string): T => {
  if (items.length !== 1) throw new Error(`expected exactly one ${what}, found ${items.length}`);
  return items[0] as T;
};

/** `{ Ref: id }` or `{ 'Fn::GetAtt': [id, ...] }` -> id. */
export const refId = (value: Json): string | undefined =>
  value?.Ref ?? (Array.isArray(value?.['Fn::GetAtt']) ? value['Fn::GetAtt'][0] : undefined);

/** Whether a (possibly Fn::Join-ed) value names the Lambda function `name`. */
export const namesFunction = (value: Json, name: string) =>
  new RegExp(`:function:${name}(?![A-Za-z0-9-])`).test(JSON.stringify(value));

export const functionByName = (t: Template, name: string): [string, Json] =>
  one(
    resources(t, 'AWS::Lambda::Function').filter(([, p]) => p.FunctionName === name),
    `function ${name}`,
  );

export interface Statement {
  actions: string[];
  resources: Json[];
}

const list = (v: Json) => (Array.isArray(v) ? v : [v]);

/** Every Allow statement of the policies attached to a role (inline policies included). */
export const roleStatements = (t: Template, roleId: string): Statement[] => {
  const role = t.toJSON().Resources[roleId].Properties;
  const documents = [
    ...(role.Policies ?? []).map((p: Json) => p.PolicyDocument),
    ...resources(t, 'AWS::IAM::Policy')
      .filter(([, p]) => (p.Roles ?? []).some((r: Json) => r.Ref === roleId))
      .map(([, p]) => p.PolicyDocument),
  ];
  return documents
    .flatMap((d: Json) => d.Statement)
    .filter((s: Json) => s.Effect === 'Allow')
    .map((s: Json) => ({ actions: list(s.Action), resources: list(s.Resource) }));
};

/** An API Gateway resource id -> its full path (`/orders/{orderId}`). */
export const apiPaths = (t: Template): Map<string, string> => {
  const byId = new Map(resources(t, 'AWS::ApiGateway::Resource'));
  const paths = new Map<string, string>();
  const pathOf = (id: string): string => {
    const known = paths.get(id);
    if (known !== undefined) return known;
    const r = byId.get(id);
    if (!r) return '';
    const parent = r.ParentId?.Ref;
    const path = `${parent ? pathOf(parent) : ''}/${r.PathPart}`;
    paths.set(id, path);
    return path;
  };
  for (const id of byId.keys()) pathOf(id);
  return paths;
};

/** `${Name}` placeholders in an ASL text. */
export const placeholders = (asl: string) =>
  [...asl.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1] as string);

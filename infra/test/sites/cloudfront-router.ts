import { runInNewContext } from 'node:vm';
import { CachePolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import type { Json } from '../template-queries.ts';

/** Values only a deployment knows, as the router shows them. */
const DEPLOYED: Record<string, string> = {
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::AccountId': '123456789012',
  'AWS::Partition': 'aws',
};

/**
 * A template value with its intrinsics worked out across the assembly's stacks: a stage's `Ref`
 * is its name, a REST API's is `<api id>`, a stack output is read from its stack.
 */
export const renderer = (assembly: CloudAssembly) => {
  const render = (stackName: string, value: Json): Json => {
    const { Resources: resources, Mappings: mappings } =
      assembly.getStackByName(stackName).template;
    if (Array.isArray(value)) return value.map((v) => render(stackName, v));
    if (value === null || typeof value !== 'object') return value;
    if ('Ref' in value) {
      const resource = resources[value.Ref];
      if (resource?.Type === 'AWS::ApiGateway::Stage') return resource.Properties.StageName;
      if (resource?.Type === 'AWS::ApiGateway::RestApi') return '<api id>';
      return DEPLOYED[value.Ref] ?? `<${value.Ref}>`;
    }
    if ('Fn::GetAtt' in value) return `<${value['Fn::GetAtt'].join('.')}>`;
    if ('Fn::GetStackOutput' in value) {
      const { StackName, OutputName } = value['Fn::GetStackOutput'];
      return render(
        StackName,
        assembly.getStackByName(StackName).template.Outputs[OutputName].Value,
      );
    }
    if ('Fn::FindInMap' in value) {
      const [map, key, attribute] = render(stackName, value['Fn::FindInMap']);
      return mappings[map][key][attribute];
    }
    if ('Fn::Join' in value) {
      const [separator, parts] = value['Fn::Join'];
      return render(stackName, parts).join(separator);
    }
    if ('Fn::Split' in value) {
      const [separator, text] = value['Fn::Split'];
      return String(render(stackName, text)).split(separator);
    }
    if ('Fn::Select' in value) {
      const [index, list] = value['Fn::Select'];
      return render(stackName, list)[index];
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, render(stackName, v)]));
  };
  return render;
};

/** CloudFront's path patterns: `*` any characters, `?` one, case-sensitive, whole path. */
const matches = (pattern: string, path: string) => {
  const source = (pattern.startsWith('/') ? pattern : `/${pattern}`)
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(path);
};

/** A cache policy's default TTL: ours by reference, or AWS's managed CachingDisabled. */
const cachedFor = (policy: Json, resources: Json) => {
  if (policy?.Ref) return resources[policy.Ref].Properties.CachePolicyConfig.DefaultTTL;
  if (policy === CachePolicy.CACHING_DISABLED.cachePolicyId) return 0;
  throw new Error(`unexpected cache policy ${JSON.stringify(policy)}`);
};

export interface Routed {
  /** The behaviour's path pattern, `default` for the default behaviour. */
  behaviour: string;
  /** Where the origin is asked: its domain, origin path and the (rewritten) path. */
  url: string;
  /** The query string the origin may receive. */
  query: string;
  /** The cache policy's default TTL in seconds, 0 when the behaviour does not cache. */
  ttl: number;
}

/**
 * What a distribution does with a GET of `pathAndQuery`: the first behaviour whose pattern
 * matches (else the default), its viewer-request CloudFront Function run on the event CloudFront
 * would give it (the function's own code, from the template, in a fresh V8 context), and the
 * origin it then asks.
 */
export const routeThrough = (
  assembly: CloudAssembly,
  stackName: string,
  distributionId: string,
) => {
  const render = renderer(assembly);
  const resources = assembly.getStackByName(stackName).template.Resources;
  const config = resources[distributionId].Properties.DistributionConfig;
  return (pathAndQuery: string, host: string): Routed => {
    const url = new URL(pathAndQuery, `https://${host}`);
    const behaviour =
      (config.CacheBehaviors ?? []).find((b: Json) => matches(b.PathPattern, url.pathname)) ??
      config.DefaultCacheBehavior;
    const request = {
      method: 'GET',
      uri: url.pathname,
      querystring: Object.fromEntries(
        [...url.searchParams].map(([key, value]) => [key, { value }]),
      ),
      headers: { host: { value: host } },
      cookies: {},
    };
    let routed = request;
    for (const association of behaviour.FunctionAssociations ?? []) {
      if (association.EventType !== 'viewer-request') continue;
      const code = resources[association.FunctionARN['Fn::GetAtt'][0]].Properties.FunctionCode;
      const event = {
        version: '1.0',
        context: {
          eventType: 'viewer-request',
          distributionDomainName: 'd111111abcdef8.cloudfront.net',
        },
        viewer: { ip: '198.51.100.7' },
        request: structuredClone(routed),
      };
      routed = runInNewContext(`${code}\nhandler(event);`, { event });
    }
    const origin = config.Origins.find((o: Json) => o.Id === behaviour.TargetOriginId);
    const policy = behaviour.CachePolicyId;
    return {
      behaviour: behaviour.PathPattern ?? 'default',
      url: `https://${render(stackName, origin.DomainName)}${render(stackName, origin.OriginPath ?? '')}${routed.uri}`,
      query: new URLSearchParams(
        Object.entries<{ value: string }>(routed.querystring).map(([k, v]): [string, string] => [
          k,
          v.value,
        ]),
      ).toString(),
      ttl: cachedFor(policy, resources),
    };
  };
};

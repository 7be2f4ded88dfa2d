import { describe, expect, it } from 'vitest';
import { PolicyDocument, policyAllows } from '../../src/api/iam-policy.ts';

const stage = 'arn:aws:execute-api:us-east-1:000000000000:mytabslocl/prod';
const arn = `${stage}/GET/orders/ord_1`;
const policy = (...Statement: object[]) =>
  PolicyDocument.parse({ Version: '2012-10-17', Statement });

describe("an authorizer's policy, evaluated as IAM does for execute-api:Invoke", () => {
  it('allows through wildcards that span path segments', () => {
    const allow = (Resource: string | string[]) =>
      policyAllows(policy({ Effect: 'Allow', Action: 'execute-api:Invoke', Resource }), arn);
    expect(allow(`${stage}/*/*`)).toBe(true);
    expect(allow(`${stage}/*`)).toBe(true);
    expect(allow('*')).toBe(true);
    expect(allow(`${stage}/GET/orders/ord_?`)).toBe(true);
    expect(allow([`${stage}/POST/*`, `${stage}/GET/orders/*`])).toBe(true);
    expect(allow(`${stage}/POST/*`)).toBe(false);
    expect(allow(`${stage}/GET/orders`)).toBe(false);
  });

  it('lets an explicit Deny win and denies what no statement allows', () => {
    const both = policy(
      { Effect: 'Allow', Action: 'execute-api:*', Resource: `${stage}/*/*` },
      { Effect: 'Deny', Action: ['execute-api:Invoke'], Resource: `${stage}/GET/orders/*` },
    );
    expect(policyAllows(both, arn)).toBe(false);
    expect(policyAllows(both, `${stage}/GET/me`)).toBe(true);
    const otherAction = policy({
      Effect: 'Allow',
      Action: 'execute-api:ManageConnections',
      Resource: '*',
    });
    expect(policyAllows(otherAction, arn)).toBe(false);
  });
});

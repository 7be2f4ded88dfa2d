import type { APIGatewayAuthorizerResult } from 'aws-lambda';

/**
 * An Allow for the whole API stage (`.../prod/*\/*`), never just the method asked for: API Gateway
 * caches the answer per token, and a policy for one route would deny the caller's next route.
 * Which data a principal may touch is decided by each service's domain code.
 */
export const allowWholeApi = (
  methodArn: string,
  principalId: string,
  context: Record<string, string>,
): APIGatewayAuthorizerResult => {
  const [arnPrefix = '', stage = '*'] = methodArn.split('/');
  return {
    principalId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [
        { Action: 'execute-api:Invoke', Effect: 'Allow', Resource: `${arnPrefix}/${stage}/*/*` },
      ],
    },
    context,
  };
};

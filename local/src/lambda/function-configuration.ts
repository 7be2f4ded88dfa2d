import { AwsError } from '../edge/aws-service.ts';
import { localArns } from '../naming.ts';
import type { LocalFunction } from './local-function.ts';

const startedAt = `${new Date().toISOString().slice(0, 19)}.000+0000`;

/** A function as ListFunctions and GetFunction describe it (`FunctionConfiguration`). */
export const functionConfiguration = (fn: LocalFunction) => ({
  FunctionName: fn.name,
  FunctionArn: fn.arn,
  Runtime: 'nodejs24.x',
  Role: `arn:aws:iam::000000000000:role/${fn.name}`,
  Handler: `${fn.spec.entry.replace(/\.ts$/, '')}.handler`,
  CodeSize: 0,
  Description: `${fn.service}.${fn.key}`,
  Timeout: fn.spec.timeoutS,
  MemorySize: fn.spec.memoryMb,
  LastModified: startedAt,
  Version: '$LATEST',
  Environment: { Variables: fn.variables },
  TracingConfig: { Mode: 'PassThrough' },
  State: 'Active',
  LastUpdateStatus: 'Successful',
  PackageType: 'Zip',
  Architectures: ['arm64'],
  EphemeralStorage: { Size: 512 },
  LoggingConfig: { LogFormat: 'JSON', LogGroup: `/aws/lambda/${fn.name}` },
});

/**
 * GetFunctionEventInvokeConfig: the function's asynchronous retries and on-failure destination, or
 * Lambda's ResourceNotFoundException when none is configured (its defaults then apply).
 */
export const eventInvokeConfig = (fn: LocalFunction) => {
  if (!fn.asyncInvoke) {
    throw new AwsError(
      'ResourceNotFoundException',
      `The function ${fn.arn} doesn't have an EventInvokeConfig`,
      404,
    );
  }
  return {
    FunctionArn: `${fn.arn}:$LATEST`,
    LastModified: Date.parse(startedAt) / 1000,
    MaximumRetryAttempts: fn.asyncInvoke.retryAttempts,
    ...(fn.asyncInvoke.maxEventAgeS !== undefined && {
      MaximumEventAgeInSeconds: fn.asyncInvoke.maxEventAgeS,
    }),
    DestinationConfig: {
      OnFailure: { Destination: localArns.queue(fn.asyncInvoke.deadLetterQueue) },
    },
  };
};

import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { Config } from 'cognito-local/lib/server/config.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import type { MessageSender } from 'cognito-local/lib/services/messageDelivery/messageSender.js';
import { REGION } from '../naming.ts';
import {
  CognitoServiceFactoryImpl,
  CryptoService,
  DateClock,
  JwtTokenGenerator,
  LambdaService,
  MessageDeliveryService,
  MessagesService,
  otp,
  StormDBDataStoreFactory,
  TriggersService,
  UserPoolServiceFactoryImpl,
} from './cognito-local-modules.ts';
import { cognitoLogger } from './cognito-logger.ts';
import { withEmailVerifiedAsCognito } from './verified-claims.ts';

export interface CognitoLocalOptions {
  /** Where pools, users and clients are kept (cognito-local's JSON files). */
  directory: string;
  /** `<issuer domain>/<pool id>` becomes every token's `iss`. */
  issuerDomain: string;
  /** Lambda Invoke endpoint for triggers: the edge. */
  lambdaEndpoint: string;
  /** The access key triggers are invoked with: it names the service that owns them. */
  lambdaAccessKeyId: string;
  /** cognito-local trigger name (`PostConfirmation`, `PreTokenGeneration`) -> function name. */
  triggerFunctions: Record<string, string>;
  log: (line: string) => void;
}

/**
 * The one call cognito-local makes of its AWS SDK v2 Lambda client (`invoke(...).promise()`),
 * answered by the SDK v3 client through the edge, like any other caller of the local Lambda.
 */
const lambdaV2Shim = (options: CognitoLocalOptions) => {
  const client = new LambdaClient({
    endpoint: options.lambdaEndpoint,
    region: REGION,
    credentials: { accessKeyId: options.lambdaAccessKeyId, secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const invoke = (params: { FunctionName: string; Payload?: string }) => ({
    promise: async () => {
      const result = await client.send(
        new InvokeCommand({
          FunctionName: params.FunctionName,
          InvocationType: 'RequestResponse',
          // cognito-local names the region `local` in trigger events; Cognito names the pool's.
          Payload: Buffer.from(
            JSON.stringify({ ...JSON.parse(params.Payload ?? '{}'), region: REGION }),
          ),
        }),
      );
      return {
        StatusCode: result.StatusCode,
        FunctionError: result.FunctionError,
        Payload: Buffer.from(result.Payload ?? new Uint8Array()).toString('utf8'),
      };
    },
  });
  return { invoke } as unknown as ConstructorParameters<typeof LambdaService>[1];
};

/** Confirmation codes go to the platform's log, where a developer reads them. */
const logSender = (log: (line: string) => void): MessageSender => {
  const send: MessageSender['sendEmail'] = async (_ctx, user, destination, message) => {
    log(`cognito | code ${message.__code} for ${destination} (user ${user.Username})`);
  };
  return { sendEmail: send, sendSms: send };
};

/**
 * cognito-local's services wired by hand, as its own server does, but with what its defaults fix
 * differently: the data directory, the token issuer, the Lambda endpoint, and quiet logging.
 */
export const createCognitoLocal = async (options: CognitoLocalOptions) => {
  const logger = cognitoLogger(options.log);
  const ctx = { logger };
  const config: Config = {
    LambdaClient: {},
    TriggerFunctions: options.triggerFunctions,
    UserPoolDefaults: {},
    KMSConfig: {},
    ServerConfig: { port: 0, hostname: '127.0.0.1', development: false, https: false },
    TokenConfig: { IssuerDomain: options.issuerDomain },
  };
  const clock = new DateClock();
  const dataStores = new StormDBDataStoreFactory(options.directory);
  const cognito = await new CognitoServiceFactoryImpl(
    options.directory,
    dataStores,
    new UserPoolServiceFactoryImpl(clock, dataStores),
  ).create(ctx, config.UserPoolDefaults);
  const triggers = new TriggersService(
    clock,
    cognito,
    new LambdaService(config.TriggerFunctions, lambdaV2Shim(options)),
    new CryptoService(config.KMSConfig),
  );
  const services: Services = {
    clock,
    cognito,
    config,
    messages: new MessagesService(triggers, new MessageDeliveryService(logSender(options.log))),
    otp,
    tokenGenerator: withEmailVerifiedAsCognito(
      new JwtTokenGenerator(clock, triggers, config.TokenConfig),
    ),
    triggers,
  };
  return { ctx, services };
};

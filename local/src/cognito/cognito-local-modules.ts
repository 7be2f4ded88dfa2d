import { createRequire } from 'node:module';

/**
 * cognito-local's internals, loaded here and only here. It is CommonJS that loads the AWS SDK v2,
 * which prints an end-of-support notice on the next tick unless told not to before that tick; an
 * ESM import cannot run code first, so the modules are required after silencing it.
 */
const require = createRequire(import.meta.url);
require('aws-sdk/lib/maintenance_mode_message.js').suppress = true;

export const { CognitoError, UnsupportedError } =
  require('cognito-local/lib/errors.js') as typeof import('cognito-local/lib/errors.js');
export const { Router } =
  require('cognito-local/lib/server/Router.js') as typeof import('cognito-local/lib/server/Router.js');
export const { Targets } =
  require('cognito-local/lib/targets/targets.js') as typeof import('cognito-local/lib/targets/targets.js');
export const { CognitoServiceFactoryImpl } =
  require('cognito-local/lib/services/cognitoService.js') as typeof import('cognito-local/lib/services/cognitoService.js');
export const { CryptoService } =
  require('cognito-local/lib/services/crypto.js') as typeof import('cognito-local/lib/services/crypto.js');
export const { StormDBDataStoreFactory } =
  require('cognito-local/lib/services/dataStore/stormDb.js') as typeof import('cognito-local/lib/services/dataStore/stormDb.js');
export const { DateClock, LambdaService, MessagesService, TriggersService } =
  require('cognito-local/lib/services/index.js') as typeof import('cognito-local/lib/services/index.js');
export const { MessageDeliveryService } =
  require('cognito-local/lib/services/messageDelivery/messageDelivery.js') as typeof import('cognito-local/lib/services/messageDelivery/messageDelivery.js');
export const { otp } =
  require('cognito-local/lib/services/otp.js') as typeof import('cognito-local/lib/services/otp.js');
export const { JwtTokenGenerator } =
  require('cognito-local/lib/services/tokenGenerator.js') as typeof import('cognito-local/lib/services/tokenGenerator.js');
export const { attribute, attributesAppend, UserPoolServiceFactoryImpl } =
  require('cognito-local/lib/services/userPoolService.js') as typeof import('cognito-local/lib/services/userPoolService.js');
export const publicKey = require('cognito-local/lib/keys/cognitoLocal.public.json') as {
  jwk: Record<string, string>;
};

import { api } from './api/api-component.ts';
import { cognito } from './cognito/cognito-component.ts';
import type { PlatformComponent } from './component.ts';
import { dynamodb } from './dynamodb/dynamodb-component.ts';
import { eventBridge } from './eventbridge/eventbridge-component.ts';
import { secretsManager } from './secrets/secrets-manager.ts';
import { ses } from './ses/ses-component.ts';
import { stepFunctions } from './stepfunctions/stepfunctions-component.ts';
import { stripe } from './stripe/stripe-component.ts';

/**
 * Every component `npm start` runs, started in this order (a component sees the endpoints of
 * those before it) and stopped in reverse. The local Lambda is not listed: it is the core every
 * component receives. To add one: import it and append it here.
 */
export const components: readonly PlatformComponent[] = [
  dynamodb,
  ses,
  secretsManager,
  cognito,
  api,
  stepFunctions,
  eventBridge,
  stripe,
];

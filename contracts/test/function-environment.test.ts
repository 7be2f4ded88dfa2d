import { expect, it } from 'vitest';
import { functionEnvironment } from '../src/manifest/function-environment.ts';
import { ServiceManifest } from '../src/manifest/service-manifest.ts';

const manifest = ServiceManifest.parse({
  service: 'payments',
  secrets: ['stripe-secret-key', 'stripe-webhook-secret'],
  functions: {
    createPaymentIntent: {
      entry: 'src/handlers/create-payment-intent.ts',
      uses: {
        table: ['GetItem', 'PutItem'],
        bus: true,
        secrets: ['stripe-secret-key'],
        invoke: ['ticketing.holdSeats'],
      },
    },
  },
});
const fn = manifest.functions.createPaymentIntent;
if (!fn) throw new Error('fixture');

it('names exactly the resources the function uses, never a secret value', () => {
  expect(
    functionEnvironment(manifest, fn, {
      tableName: 'payments-table',
      busName: 'mytabs',
      secretIds: { 'stripe-secret-key': 'mytabs/stripe-secret-key', 'stripe-webhook-secret': 'x' },
      functionNames: { 'ticketing.holdSeats': 'arn:aws:lambda:us-east-1:0:function:holdSeats' },
      workflowArns: {},
    }),
  ).toEqual({
    SERVICE_NAME: 'payments',
    POWERTOOLS_SERVICE_NAME: 'payments',
    TABLE_NAME: 'payments-table',
    EVENT_BUS_NAME: 'mytabs',
    SECRET_STRIPE_SECRET_KEY: 'mytabs/stripe-secret-key',
    FUNCTION_TICKETING_HOLD_SEATS: 'arn:aws:lambda:us-east-1:0:function:holdSeats',
  });
});

it('refuses to run a function whose resource was not resolved', () => {
  expect(() =>
    functionEnvironment(manifest, fn, { secretIds: {}, functionNames: {}, workflowArns: {} }),
  ).toThrow('No table was resolved');
});

it('tells a function that sends email its sender, and one that verifies tokens where the pool is', () => {
  const identity = ServiceManifest.parse({
    service: 'identity',
    functions: {
      authorize: { entry: 'src/handlers/authorize.ts', uses: { userPool: true, email: true } },
    },
  });
  const authorize = identity.functions.authorize;
  if (!authorize) throw new Error('fixture');
  expect(
    functionEnvironment(identity, authorize, {
      secretIds: {},
      functionNames: {},
      workflowArns: {},
      emailFrom: 'noreply@keeptabs.app',
      emailConfigurationSet: 'mytabs-prod',
      userPool: {
        id: 'us-east-1_abc',
        issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc',
        jwksUrl: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc/.well-known/jwks.json',
        clientIds: ['client1', 'client2'],
      },
    }),
  ).toMatchObject({
    EMAIL_FROM: 'noreply@keeptabs.app',
    EMAIL_CONFIGURATION_SET: 'mytabs-prod',
    USER_POOL_ID: 'us-east-1_abc',
    USER_POOL_ISSUER: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc',
    USER_POOL_CLIENT_IDS: 'client1,client2',
  });
  expect(() =>
    functionEnvironment(identity, authorize, {
      secretIds: {},
      functionNames: {},
      workflowArns: {},
      emailFrom: 'x@y.z',
      emailConfigurationSet: 'mytabs-prod',
    }),
  ).toThrow('No user pool was resolved');
});

export { createBenchEvent } from './bench/bench-event.ts';
export { checkIntegrity, type IntegrityReport } from './bench/integrity.ts';
export type {
  PlatformComponent,
  PlatformContext,
  PortSpec,
  RunningComponent,
} from './component.ts';
export { components } from './components.ts';
export { fixedResourcesOf } from './cost/fixed-resources.ts';
export { dynamodb } from './dynamodb/dynamodb-component.ts';
export {
  AwsError,
  type AwsService,
  type EdgeRequest,
  type EdgeResponse,
} from './edge/aws-service.ts';
export { jsonProtocolService } from './edge/json-protocol.ts';
export { eventBridge } from './eventbridge/eventbridge-component.ts';
export type { FaultSpec } from './faults/fault-spec.ts';
export type { Fault, LocalFaults } from './faults/local-faults.ts';
export type { DeadLetter } from './lambda/dead-letters.ts';
export {
  FunctionError,
  type InvokeRequest,
  type InvokeResponse,
  LocalLambda,
} from './lambda/local-lambda.ts';
export * from './naming.ts';
export { EDGE_PORT, type Platform, type PlatformOptions, startPlatform } from './platform.ts';
export { LocalSecrets } from './secrets/local-secrets.ts';
export { secretsManager } from './secrets/secrets-manager.ts';
export {
  testGoogleServiceAccount,
  testPassCertificate,
} from './secrets/wallet-test-credentials.ts';
export { apiClient } from './seed/api-client.ts';
export { DEMO_ORGANIZER, DEMO_STAFF, type DemoSeed, seedDemo } from './seed/demo-seed.ts';
export { localUserPool, signInLocalUser } from './seed/local-user.ts';
export { type Cart, type Shopper, shopper, watchOrder } from './shopper/checkout.ts';
export type { LocalQueues } from './sqs/local-queues.ts';
export type { TimingOverrides } from './stepfunctions/step-functions.ts';
export { stepFunctionsComponent } from './stepfunctions/stepfunctions-component.ts';
export {
  type StripeEmulator,
  type StripeEmulatorOptions,
  startStripeEmulator,
  type WebhookEndpoint,
} from './stripe/stripe-emulator.ts';
export type { LedgerBreak, LedgerInvariant } from './testing/ledger/ledger.ts';
export {
  checkLedger,
  formatLedger,
  type LedgerExceptions,
} from './testing/ledger/ledger-check.ts';
export {
  type ApiAnswer,
  type ArchivedEvent,
  archivedEvents,
  callApi,
  eventually,
  replayArchive,
  seatsLeft,
  stripeFor,
} from './testing/probes.ts';
export { type RepoPlatform, repoRoot, startRepoPlatform } from './testing/repo-platform.ts';

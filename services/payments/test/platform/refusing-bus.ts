import { type AwsService, components, type PlatformComponent } from '@mytabs/local';

/**
 * The platform's components with an EventBridge that, while `refuse` is on, fails every entry
 * the webhook function puts (as PutEvents reports a partial failure: `FailedEntryCount`), so a
 * test can see what a publish failure leaves behind. Everyone else's events go through.
 */
export const withRefusingBus = () => {
  const state = { refuse: false };
  const refuser: AwsService = {
    name: 'events',
    accepts: (request) =>
      state.refuse &&
      request.headers['x-amz-target'] === 'AWSEvents.PutEvents' &&
      /Credential=payments\.stripeWebhook\//.test(request.headers.authorization ?? ''),
    async handle(request) {
      const { Entries } = JSON.parse(request.body.toString('utf8')) as { Entries: unknown[] };
      return {
        status: 200,
        headers: { 'content-type': 'application/x-amz-json-1.1' },
        body: JSON.stringify({
          FailedEntryCount: Entries.length,
          Entries: Entries.map(() => ({
            ErrorCode: 'InternalFailure',
            ErrorMessage: 'Refused by the test',
          })),
        }),
      };
    },
  };
  const wrap = (component: PlatformComponent): PlatformComponent =>
    component.name !== 'eventbridge'
      ? component
      : {
          ...component,
          async start(context) {
            const running = await component.start(context);
            return { ...running, services: [refuser, ...(running.services ?? [])] };
          },
        };
  return { state, components: components.map(wrap) };
};

import { type Business, BusinessCreated, newId, operations } from '@mytabs/contracts';
import { httpHandler, publish } from '@mytabs/lambda-kit';
import { profileOf } from '../adapters/profile.ts';
import { repository } from '../adapters/repositories.ts';
import { normalizedEmail } from '../domain/email-address.ts';

/** Any signed-in user may start a business; they become its owner. */
export const handler = httpHandler(
  operations.createBusiness,
  async ({ principal, body, requestId }) => {
    const business = {
      businessId: newId('biz'),
      name: body.name,
      country: body.country,
      ticketFee: { amount: body.ticketFee ?? 0, currency: body.currency },
      ownerUserId: principal.userId,
      createdAt: new Date().toISOString(),
    } as Business;
    const email = principal.email ?? (await profileOf(principal)).profile?.email;
    await repository().createBusiness(business, email && normalizedEmail(email));
    await publish(
      BusinessCreated.build(
        {
          businessId: business.businessId,
          name: business.name,
          ownerUserId: business.ownerUserId,
          country: business.country,
          ticketFee: business.ticketFee,
        },
        { idempotencyKey: `BusinessCreated:${business.businessId}`, correlationId: requestId },
      ),
    );
    return { status: 201, body: business };
  },
);

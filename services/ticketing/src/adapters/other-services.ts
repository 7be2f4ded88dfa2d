import { CreateTaxLocationInvocation, GetBusinessInvocation, type Venue } from '@mytabs/contracts';
import { invokeFunction } from '@mytabs/contracts/runtime/invoke-function';
import { z } from 'zod';
import { lambdaClient } from './aws-clients.ts';

/** The functions of other services ticketing calls, named by its environment as the manifest grants. */
const Targets = z.object({
  FUNCTION_PAYMENTS_CREATE_TAX_LOCATION: z.string().min(1),
  FUNCTION_IDENTITY_LOOKUP_BUSINESS: z.string().min(1),
});

export const createTaxLocation = (eventId: string, venue: Venue) =>
  invokeFunction(
    lambdaClient(),
    Targets.pick({ FUNCTION_PAYMENTS_CREATE_TAX_LOCATION: true }).parse(process.env)
      .FUNCTION_PAYMENTS_CREATE_TAX_LOCATION,
    CreateTaxLocationInvocation,
    { eventId, venue },
  );

export const getBusiness = (businessId: string) =>
  invokeFunction(
    lambdaClient(),
    Targets.pick({ FUNCTION_IDENTITY_LOOKUP_BUSINESS: true }).parse(process.env)
      .FUNCTION_IDENTITY_LOOKUP_BUSINESS,
    GetBusinessInvocation,
    { businessId },
  );

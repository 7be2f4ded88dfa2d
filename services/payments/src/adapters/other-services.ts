import { CreateOrderInvocation, HoldSeatsInvocation, PriceCartInvocation } from '@mytabs/contracts';
import { invokeFunction } from '@mytabs/contracts/runtime/invoke-function';
import type { z } from 'zod';
import { env } from '../config.ts';
import { lambdaClient } from './aws-clients.ts';

/** The functions of other services payments calls, named by the environment its manifest grants. */
export const priceCart = (input: z.input<typeof PriceCartInvocation.request>) =>
  invokeFunction(lambdaClient(), env('FUNCTION_TICKETING_PRICE_CART'), PriceCartInvocation, input);

export const holdSeats = (input: z.input<typeof HoldSeatsInvocation.request>) =>
  invokeFunction(lambdaClient(), env('FUNCTION_TICKETING_HOLD_SEATS'), HoldSeatsInvocation, input);

export const createOrder = (input: z.input<typeof CreateOrderInvocation.request>) =>
  invokeFunction(lambdaClient(), env('FUNCTION_ORDERS_CREATE_ORDER'), CreateOrderInvocation, input);

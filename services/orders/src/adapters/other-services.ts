import {
  CancelPaymentInvocation,
  IssueOrderTokenInvocation,
  RefundPaymentInvocation,
} from '@mytabs/contracts';
import { invokeFunction } from '@mytabs/contracts/runtime/invoke-function';
import { z } from 'zod';
import { lambdaClient } from './aws-clients.ts';

/** The functions of other services orders calls, named by its environment as the manifest grants. */
const target = (variable: string) =>
  z.object({ [variable]: z.string().min(1) }).parse(process.env)[variable] as string;

export const issueOrderToken = async (orderId: string) =>
  (
    await invokeFunction(
      lambdaClient(),
      target('FUNCTION_IDENTITY_ISSUE_ORDER_TOKEN'),
      IssueOrderTokenInvocation,
      { orderId },
    )
  ).orderToken;

export const cancelPayment = (input: z.input<typeof CancelPaymentInvocation.request>) =>
  invokeFunction(
    lambdaClient(),
    target('FUNCTION_PAYMENTS_CANCEL_PAYMENT'),
    CancelPaymentInvocation,
    input,
  );

export const refundPayment = (input: z.input<typeof RefundPaymentInvocation.request>) =>
  invokeFunction(
    lambdaClient(),
    target('FUNCTION_PAYMENTS_REFUND_PAYMENT'),
    RefundPaymentInvocation,
    input,
  );

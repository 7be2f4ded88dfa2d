import type { EmailKey, EmailMessage } from './email-message.ts';
import type { Suppression } from './suppression.ts';

export type SendStatus = 'sending' | 'sent' | 'failed';

/**
 * The durable record of one email (`email#<orderId>#<template>`, `#<fact>` after it when there is
 * one): what to send and how it went.
 */
export interface EmailRecord extends EmailKey {
  businessId: string;
  message: EmailMessage;
  status: SendStatus;
  /** While `sending`: until when the attempt that claimed it may still be running. */
  leaseUntil: string;
  attempts: number;
  messageId?: string;
  failure?: string;
}

export interface EmailRecordsPort {
  find(key: EmailKey): Promise<EmailRecord | undefined>;
  /** Writes the record as `sending` if there is none; answers the stored one if there is. */
  claim(record: EmailRecord): Promise<'claimed' | EmailRecord>;
  /**
   * Takes a record over for another attempt: from `failed` (a re-send), or from `sending` whose
   * lease ran out (the attempt holding it crashed). False when someone else changed it first.
   */
  retake(record: EmailRecord, leaseUntil: string): Promise<boolean>;
  /** Ends the current attempt's lease early: SES refused for now, a retry may go at once. */
  releaseLease(key: EmailKey, now: string): Promise<void>;
  markSent(key: EmailKey, messageId: string): Promise<void>;
  markFailed(key: EmailKey, failure: string): Promise<void>;
}

export interface MailerPort {
  /**
   * Sends through SES; answers its MessageId. Throws PermanentEmailError (never worth a retry),
   * RefusedForNowError (SES answered, did not send) or anything else (outcome unknown).
   */
  send(message: EmailMessage): Promise<string>;
}

/** Addresses never mailed again (`suppressed#<address>`), each with the first reason heard. */
export interface SuppressionsPort {
  find(address: string): Promise<Suppression | undefined>;
  /** Records it unless the address is suppressed already; true when this call recorded it. */
  record(suppression: Suppression): Promise<boolean>;
}

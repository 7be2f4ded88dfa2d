import { randomUUID } from 'node:crypto';
import { sesEventTypes } from '@mytabs/contracts';
import type { EmailPlan } from '@mytabs/plan';
import type { EdgeRequest, EdgeResponse } from '../edge/aws-service.ts';
import type { ServiceEvents } from '../eventbridge/service-events.ts';
import type { LocalFaults } from '../faults/local-faults.ts';
import { ACCOUNT } from '../naming.ts';
import { sendEmailRequest } from './ses-configuration-sets.ts';
import { appliesTo, recipientsOf } from './ses-faults.ts';

/** SES's event record of an email, the part every event type shares. */
const mailOf = (
  messageId: string,
  from: string,
  destination: string[],
  configurationSet: string,
) => ({
  timestamp: new Date().toISOString(),
  source: from,
  sendingAccountId: ACCOUNT,
  messageId,
  destination,
  tags: { 'ses:configuration-set': [configurationSet] },
});

/**
 * After SES took a SendEmail: while a `bounce` or `complain` fault applies to it, SES's
 * `Email Bounced` (permanent, `General`) or `Email Complaint Received` for its recipients, put on
 * the default bus as SES puts them, and only when the email named the stage's configuration set
 * and its event destination asks for that event type (else SES publishes nothing).
 */
export const reportFeedback = (
  email: EmailPlan,
  faults: LocalFaults,
  events: ServiceEvents,
  request: EdgeRequest,
  response: EdgeResponse,
) => {
  const sent = sendEmailRequest(request);
  if (!sent || response.status !== 200) return;
  const fault = faults.take(
    'ses',
    (f) => (f.mode === 'bounce' || f.mode === 'complain') && appliesTo(f, request.body),
  );
  if (!fault) return;
  const detailType = fault.mode === 'bounce' ? 'Email Bounced' : 'Email Complaint Received';
  const { configurationSet } = email;
  if (
    sent.ConfigurationSetName !== configurationSet.name ||
    !configurationSet.eventDestination?.eventTypes.includes(sesEventTypes[detailType])
  ) {
    return;
  }
  const { MessageId } = JSON.parse(String(response.body)) as { MessageId: string };
  const destination = recipientsOf(request.body);
  const recipients = destination.filter(
    (address) => fault.recipient === undefined || address === fault.recipient.toLowerCase(),
  );
  const mail = mailOf(MessageId, sent.FromEmailAddress ?? '', destination, configurationSet.name);
  const timestamp = new Date().toISOString();
  const feedbackId = `${MessageId}-${randomUUID()}`;
  events.put({
    source: 'aws.ses',
    detailType,
    detail:
      fault.mode === 'bounce'
        ? {
            eventType: 'Bounce',
            mail,
            bounce: {
              feedbackId,
              bounceType: 'Permanent',
              bounceSubType: 'General',
              bouncedRecipients: recipients.map((emailAddress) => ({
                emailAddress,
                action: 'failed',
                status: '5.1.1',
                diagnosticCode: 'smtp; 550 5.1.1 user unknown (local SES)',
              })),
              timestamp,
              reportingMTA: 'dns; local.amazonses.com',
            },
          }
        : {
            eventType: 'Complaint',
            mail,
            complaint: {
              feedbackId,
              complaintSubType: null,
              complainedRecipients: recipients.map((emailAddress) => ({ emailAddress })),
              timestamp,
              complaintFeedbackType: 'abuse',
            },
          },
  });
};

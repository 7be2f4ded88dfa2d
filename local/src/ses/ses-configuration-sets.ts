import type { EmailPlan } from '@mytabs/plan';
import type { EdgeRequest, EdgeResponse } from '../edge/aws-service.ts';

/** What a SendEmail names of its sending: the configuration set, sender and recipients. */
export const sendEmailRequest = (request: EdgeRequest) => {
  if (request.method !== 'POST' || request.path !== '/v2/email/outbound-emails') return undefined;
  try {
    return JSON.parse(request.body.toString('utf8')) as {
      ConfigurationSetName?: string;
      FromEmailAddress?: string;
    };
  } catch {
    return undefined;
  }
};

/**
 * SES's answer to a SendEmail naming a configuration set the stage does not have (NotFoundException,
 * 404), as SES answers it; undefined to send it. The plan's is the only one that exists.
 */
export const refusedConfigurationSet = (
  email: EmailPlan,
  request: EdgeRequest,
): EdgeResponse | undefined => {
  const name = sendEmailRequest(request)?.ConfigurationSetName;
  if (name === undefined || name === email.configurationSet.name) return undefined;
  return {
    status: 404,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'NotFoundException' },
    body: JSON.stringify({ message: `Configuration set <${name}> does not exist.` }),
  };
};

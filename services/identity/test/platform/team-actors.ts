import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import {
  type ApiAnswer,
  callApi,
  eventually,
  localUserPool,
  type RepoPlatform,
  repoRoot,
  stripeFor,
} from '@mytabs/local';

export type Answer = ApiAnswer;

/** The local API as a web app signed in with `token` calls it; answers are returned, not thrown. */
export const api =
  (local: RepoPlatform, token?: string) =>
  (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    callApi(local, method, path, { ...(token && { token }), body, headers });

const PASSWORD = 'Team-pass-2026!x';

/**
 * A user an administrator made (verified email, no confirmation trigger), signed in: their ID
 * token and a client that calls as them. Nothing is requested on their behalf yet.
 */
export const adminMadeUser = async (local: RepoPlatform, email: string) => {
  const token = await local.signIn({
    email,
    password: PASSWORD,
    name: email,
  });
  return { email, token, call: api(local, token) };
};

/** A user MyTabs knows: signed in, and one request made, so their verified email is on record. */
export const knownUser = async (local: RepoPlatform, email: string) => {
  const user = await adminMadeUser(local, email);
  const me = await user.call('GET', '/users/me');
  return { ...user, userId: me.body.userId as string };
};

const cognito = (local: RepoPlatform) =>
  new CognitoIdentityProviderClient({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

/**
 * Signs up as a newcomer does on the web: SignUp, then ConfirmSignUp with the code the pool
 * emailed (locally, the platform's log has it). Confirming runs the post-confirmation trigger.
 */
export const signUp = async (local: RepoPlatform, email: string) => {
  const { clientId } = localUserPool(await loadManifests(repoRoot));
  const pool = cognito(local);
  await pool.send(
    new SignUpCommand({
      ClientId: clientId,
      Username: email,
      Password: PASSWORD,
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'name', Value: email },
      ],
    }),
  );
  const codeLine = await eventually(
    async () => local.lines.find((l) => l.includes(`code`) && l.includes(`for ${email}`)),
    (line) => line !== undefined,
  );
  const code = /code (\d+) for/.exec(codeLine ?? '')?.[1];
  if (!code) throw new Error(`No confirmation code was sent to ${email}`);
  await pool.send(
    new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: code }),
  );
  return {
    signIn: async () => {
      const { AuthenticationResult } = await pool.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: email, PASSWORD },
        }),
      );
      return api(local, AuthenticationResult?.IdToken);
    },
  };
};

export interface StoredEmail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string };
}

/** What the local SES sent to one address. */
export const inbox = async (local: RepoPlatform, to: string) => {
  const { emails } = (await (await fetch(`${local.endpoints.ses}/store`)).json()) as {
    emails: StoredEmail[];
  };
  return emails.filter((e) => e.destination.to.includes(to));
};

/** A buyer's paid and fulfilled order of one seat of the seeded event: its id and ticket code. */
export const fulfilledOrder = async (local: RepoPlatform) => {
  const event = local.seed?.event;
  const general = event?.ticketTypes[0];
  if (!event || !general) throw new Error('start the platform with seed: true');
  const anonymous = api(local);
  const placed = await anonymous('POST', '/payments/createPaymentIntent', {
    eventId: event.eventId,
    items: [{ ticketTypeId: general.ticketTypeId, quantity: 1 }],
    address: { country: 'US', postalCode: '10036', state: 'NY' },
    buyer: { email: 'bo.buyer@example.com', name: 'Bo Buyer' },
  });
  if (placed.status !== 201) throw new Error(`checkout answered ${placed.status}`);
  await stripeFor(local).paymentIntents.confirm(placed.body.paymentIntentId, {
    payment_method: 'pm_card_visa',
  });
  const buyer = api(local, placed.body.orderToken);
  const order = await eventually(
    () => buyer('GET', `/orders/${placed.body.orderId}`),
    (a) => a.body?.status === 'FULFILLED',
  );
  if (order.body?.status !== 'FULFILLED') throw new Error(`order is ${order.body?.status}`);
  return { orderId: placed.body.orderId as string, qr: order.body.tickets[0].qr as string };
};

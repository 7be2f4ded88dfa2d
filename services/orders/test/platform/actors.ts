import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import {
  type ApiAnswer,
  archivedEvents,
  callApi,
  eventually,
  localUserPool,
  type RepoPlatform,
  repoRoot,
  stripeFor,
} from '@mytabs/local';

export type Answer = ApiAnswer;

/** A call to the local API as a client makes it; the answer is returned, never thrown. */
export const call = callApi;

const PASSWORD = 'Buyer-pass-2026!x';

/** A signed-in user of the local pool (created on first use): their ID token. */
export const userToken = async (local: RepoPlatform, email: string, groups: string[] = []) =>
  local.signIn({
    email,
    password: PASSWORD,
    name: email,
    groups,
  });

/** The local user pool's API, as a user's own browser calls it. */
export const cognito = (local: RepoPlatform) =>
  new CognitoIdentityProviderClient({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

/** A user (created on first use) signed in afresh: both tokens, with what the pool holds now. */
export const signIn = async (local: RepoPlatform, email: string) => {
  await userToken(local, email);
  const { clientId } = localUserPool(await loadManifests(repoRoot));
  const { AuthenticationResult } = await cognito(local).send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD },
    }),
  );
  if (!AuthenticationResult?.IdToken || !AuthenticationResult.AccessToken) {
    throw new Error(`Could not sign in ${email}`);
  }
  return { idToken: AuthenticationResult.IdToken, accessToken: AuthenticationResult.AccessToken };
};

/** A JWT's claims, unverified: what a client reads of its own token. */
export const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;

export const BUYER = { email: 'Olga.Buyer@example.com', name: 'Olga Buyer' };

/** A cart of `seats` general tickets of the seeded event, as the ticket site sends it. */
export const cartOf = (local: RepoPlatform, seats = 1) => {
  const general = local.seed?.event.ticketTypes[0];
  if (!general) throw new Error('start the platform with seed: true');
  return {
    eventId: local.seed?.event.eventId,
    items: [{ ticketTypeId: general.ticketTypeId, quantity: seats }],
    address: { country: 'US', postalCode: '10036', state: 'NY' },
  };
};

/** A checkout of `seats` general tickets of the seeded event, as the ticket site makes it. */
export const checkout = async (local: RepoPlatform, seats = 2) => {
  const answer = await call(local, 'POST', '/payments/createPaymentIntent', {
    body: { ...cartOf(local, seats), buyer: BUYER },
  });
  if (answer.status !== 201) {
    throw new Error(`checkout answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body as {
    orderId: string;
    paymentIntentId: string;
    orderToken: string;
    amount: number;
    currency: string;
  };
};

/** The domain events of one type the `mytabs` bus archived for one order. */
export const archived = (local: RepoPlatform, detailType: string, orderId: string) =>
  archivedEvents(local, detailType, orderId);

export { eventually, stripeFor };

import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import * as z from 'zod';

/**
 * What a ticket's QR code holds: `mtt1.<payload>.<signature>`, both base64url, the payload naming
 * the ticket, its type, its order and its event. The signature is Ed25519 over `mtt1.<payload>`:
 * 64-byte signatures keep the code small enough to scan at the door, verification is fast, it is
 * deterministic (the same ticket always gets the same code) and it has no parameters to get wrong
 * (no curve, hash or padding choice). A door scanner verifies offline with the public key only
 * (see `ticketPublicKeyPem`); the private key stays in Secrets Manager.
 */
const VERSION = 'mtt1';

export const TicketClaims = z.object({
  ticketId: z.string().min(1),
  ticketTypeId: z.string().min(1),
  orderId: z.string().min(1),
  eventId: z.string().min(1),
  /**
   * How many times the ticket was reissued when this code was signed: check-in admits only the
   * ticket's current one. 0 (a first code) is left out of the payload, so codes signed before
   * reissuing existed still read the same.
   */
  generation: z.number().int().min(0).default(0),
});
export type TicketClaims = z.output<typeof TicketClaims>;

/** The Ed25519 private key as Secrets Manager keeps it: a PKCS8 PEM. */
export const ticketSigningKey = (pkcs8Pem: string) => {
  const key = createPrivateKey(pkcs8Pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('The ticket key is not an Ed25519 key');
  return key;
};

/** What a door scanner needs to check codes offline: the public half, as an SPKI PEM. */
export const ticketPublicKeyPem = (privateKey: KeyObject) =>
  createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();

export const signTicketQr = (claims: z.input<typeof TicketClaims>, privateKey: KeyObject) => {
  const signed = `${VERSION}.${Buffer.from(
    JSON.stringify({
      t: claims.ticketId,
      y: claims.ticketTypeId,
      o: claims.orderId,
      e: claims.eventId,
      ...(claims.generation && { g: claims.generation }),
    }),
  ).toString('base64url')}`;
  return `${signed}.${sign(null, Buffer.from(signed), privateKey).toString('base64url')}`;
};

const Payload = z
  .object({ t: z.string(), y: z.string(), o: z.string(), e: z.string(), g: z.number().optional() })
  .transform((p) => ({
    ticketId: p.t,
    ticketTypeId: p.y,
    orderId: p.o,
    eventId: p.e,
    ...(p.g !== undefined && { generation: p.g }),
  }))
  .pipe(TicketClaims);

/** The claims of a code this service signed, or undefined for anything else (forged, altered). */
export const verifyTicketQr = (qr: string, publicKey: KeyObject): TicketClaims | undefined => {
  const [version, payload, signature, ...rest] = qr.trim().split('.');
  if (version !== VERSION || !payload || !signature || rest.length > 0) return undefined;
  const valid = verify(
    null,
    Buffer.from(`${version}.${payload}`),
    publicKey,
    Buffer.from(signature, 'base64url'),
  );
  if (!valid) return undefined;
  try {
    const parsed = Payload.safeParse(
      JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
    );
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

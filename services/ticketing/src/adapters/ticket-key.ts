import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { z } from 'zod';
import { ticketSigningKey } from '../domain/ticket-qr.ts';

const KeyEnv = z.object({ SECRET_TICKET_ED25519_KEY: z.string().min(1) });

/** The tickets' Ed25519 private key, from Secrets Manager (cached by Powertools for 5 minutes). */
export const ticketKey = async () => {
  const id = KeyEnv.parse(process.env).SECRET_TICKET_ED25519_KEY;
  const value = await getSecret(id, { maxAge: 300 });
  if (typeof value !== 'string' || value.length === 0) throw new Error(`Secret ${id} is empty`);
  return ticketSigningKey(value);
};

import { secretValue } from '@mytabs/lambda-kit';
import { ticketSigningKey } from '../domain/ticket-qr.ts';

/** The tickets' Ed25519 private key, from Secrets Manager (cached for 5 minutes). */
export const ticketKey = async () => ticketSigningKey(await secretValue('ticket-ed25519-key'));

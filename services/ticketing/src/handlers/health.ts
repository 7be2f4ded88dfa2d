import { operations } from '@mytabs/contracts';
import { httpHandler } from '@mytabs/lambda-kit';

/** `GET /health`: answers without touching a table, so a health check measures the API alone. */
export const handler = httpHandler(operations.health, async () => ({
  status: 200,
  body: { status: 'ok' },
}));

import * as z from 'zod';

/** `GET /health`: the API, its authorizer-free path and a function answer. */
export const HealthResponse = z.object({ status: z.literal('ok') }).meta({ id: 'HealthResponse' });

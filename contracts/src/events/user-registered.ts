import * as z from 'zod';
import { UserId } from '../ids.ts';
import { defineEvent } from './define-event.ts';

export const UserRegistered = defineEvent({
  source: 'mytabs.identity',
  detailType: 'UserRegistered',
  version: 1,
  description: 'A user confirmed their Cognito sign-up (post-confirmation trigger).',
  data: z.object({
    userId: UserId,
    /** Cognito's `sub` of the user. */
    cognitoSub: z.uuid(),
    email: z.email(),
    name: z.string().min(1).max(200).optional(),
  }),
  examples: [
    {
      userId: 'usr_01JD8W9Q2R3S',
      cognitoSub: '6f1c1e2a-8b3d-4c5e-9f0a-1b2c3d4e5f60',
      email: 'maria@brightlights.example',
      name: 'Maria Chen',
    },
  ],
});

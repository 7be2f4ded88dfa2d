import { expect, it } from 'vitest';
import { cognitoSubOf, userIdOf } from '../../src/domain/user-id.ts';

it('names a Cognito user by its sub, and back', () => {
  const sub = '6f1c1e2a-8b3d-4c5e-9f0a-1b2c3d4e5f60';
  expect(userIdOf(sub)).toBe('usr_6f1c1e2a8b3d4c5e9f0a1b2c3d4e5f60');
  expect(cognitoSubOf(userIdOf(sub))).toBe(sub);
});

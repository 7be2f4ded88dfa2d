import { describe, expect, it } from 'vitest';
import { emailToClaim } from '../../src/domain/email-address.ts';
import { invitationIdFor } from '../../src/domain/invitation-id.ts';
import { memberList } from '../../src/domain/member-view.ts';
import { additionAnswer, newMembership } from '../../src/domain/membership.ts';

describe('adding the same email again', () => {
  it('answers 201 once, 200 for the same role, and a conflict for another', () => {
    expect(additionAnswer(true, 'staff', 'staff')).toBe(201);
    expect(additionAnswer(false, 'staff', 'staff')).toBe(200);
    expect(additionAnswer(false, 'staff', 'manager')).toBe('conflict');
  });

  it('finds the same invitation for the same business and email, another for another business', () => {
    const id = invitationIdFor('biz_1', 'sam@example.com');
    expect(id).toMatch(/^inv_[0-9a-f]{32}$/);
    expect(invitationIdFor('biz_1', 'sam@example.com')).toBe(id);
    expect(invitationIdFor('biz_2', 'sam@example.com')).not.toBe(id);
  });
});

describe('claiming invitations', () => {
  it('claims a verified email once, in any case, and never an unverified one', () => {
    expect(emailToClaim({ email: 'Sam@Example.com', emailVerified: true }, [])).toBe(
      'sam@example.com',
    );
    expect(
      emailToClaim({ email: 'Sam@Example.com', emailVerified: true }, ['sam@example.com']),
    ).toBeUndefined();
    expect(emailToClaim({ email: 'sam@example.com', emailVerified: false }, [])).toBeUndefined();
    expect(emailToClaim({ emailVerified: true }, [])).toBeUndefined();
  });
});

it('lists members by role, owners first, then the open invitations', () => {
  const member = (userId: string, role: 'owner' | 'manager' | 'staff', email: string) =>
    newMembership({ businessId: 'biz_1', userId, role, email });
  const list = memberList(
    [
      member('usr_3333', 'staff', 'c@example.com'),
      member('usr_1111', 'owner', 'b@example.com'),
      member('usr_2222', 'staff', 'a@example.com'),
    ],
    [
      {
        businessId: 'biz_1',
        invitationId: 'inv_1',
        email: 'new@example.com',
        role: 'manager',
        invitedBy: 'usr_1111',
        invitedAt: '2026-12-01T00:00:00Z',
      },
    ],
  );
  expect(list.map((m) => [m.status, m.email, m.role])).toEqual([
    ['active', 'b@example.com', 'owner'],
    ['active', 'a@example.com', 'staff'],
    ['active', 'c@example.com', 'staff'],
    ['invited', 'new@example.com', 'manager'],
  ]);
});

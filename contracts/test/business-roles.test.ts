import { describe, expect, it } from 'vitest';
import { businessAccess } from '../src/access/business-roles.ts';
import type { Principal } from '../src/http/principal.ts';

const member = (role: 'owner' | 'manager' | 'staff'): Principal => ({
  principalType: 'user',
  userId: 'usr_0001',
  emailVerified: true,
  groups: [],
  memberships: [{ businessId: 'biz_1', role }],
});

describe('business access', () => {
  it('tells a member without the permission it is forbidden, and anyone else nothing exists', () => {
    expect(businessAccess(member('staff'), 'biz_1', 'checkIn')).toBe('allowed');
    expect(businessAccess(member('staff'), 'biz_1', 'refunds')).toBe('forbidden');
    expect(businessAccess(member('manager'), 'biz_1', 'refunds')).toBe('allowed');
    expect(businessAccess(member('manager'), 'biz_1', 'members')).toBe('forbidden');
    expect(businessAccess(member('owner'), 'biz_1', 'members')).toBe('allowed');
    expect(businessAccess(member('owner'), 'biz_2', 'business')).toBe('not-member');
    expect(businessAccess({ principalType: 'order', orderId: 'ord_1' }, 'biz_1', 'orders')).toBe(
      'not-member',
    );
    expect(businessAccess(undefined, 'biz_1', 'business')).toBe('not-member');
  });
});

import type { Principal } from '@mytabs/contracts';
import { expect, it } from 'vitest';
import { canManage } from '../../src/domain/business-access.ts';
import { canCheckIn } from '../../src/domain/door-access.ts';

const user = (memberships: { businessId: string; role: 'owner' | 'staff' }[]): Principal => ({
  principalType: 'user',
  userId: 'usr_0001',
  emailVerified: true,
  groups: [],
  memberships,
});

it("lets the business's owners and staff scan tickets, its owners alone read the attendee list", () => {
  const owner = user([{ businessId: 'biz_1', role: 'owner' }]);
  const staff = user([{ businessId: 'biz_1', role: 'staff' }]);
  const elsewhere = user([{ businessId: 'biz_2', role: 'owner' }]);
  expect([owner, staff, elsewhere].map((p) => canCheckIn(p, 'biz_1'))).toEqual([true, true, false]);
  expect([owner, staff, elsewhere].map((p) => canManage(p, 'biz_1'))).toEqual([true, false, false]);
  expect(canCheckIn({ principalType: 'order', orderId: 'ord_1' }, 'biz_1')).toBe(false);
});

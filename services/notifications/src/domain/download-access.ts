import { type BusinessAccess, businessAccess, type Principal } from '@mytabs/contracts';

/** `unauthenticated`: no token and no valid link (401); the rest as `businessAccess` answers. */
export type DownloadAccess = BusinessAccess | 'unauthenticated';

/**
 * Who may download an order's tickets or have them sent again: the holder of its order token,
 * the business's owners and managers (the `orders` permission), or a valid signed link. Another
 * order's token is told the order does not exist, as any stranger is.
 */
export const downloadAccess = (
  principal: Principal | undefined,
  order: { orderId: string; businessId: string },
  validLink: boolean,
): DownloadAccess => {
  if (validLink) return 'allowed';
  if (!principal) return 'unauthenticated';
  if (principal.principalType === 'order') {
    return principal.orderId === order.orderId ? 'allowed' : 'not-member';
  }
  return businessAccess(principal, order.businessId, 'orders');
};

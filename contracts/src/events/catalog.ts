import type { EventContract } from './define-event.ts';
import { PaymentSucceeded } from './payment-succeeded.ts';

/** Every domain event of the system, by detail type. */
export const catalog = { PaymentSucceeded } satisfies Record<string, EventContract>;

export type CatalogEventName = keyof typeof catalog;
export const eventNames: ReadonlySet<string> = new Set(Object.keys(catalog));

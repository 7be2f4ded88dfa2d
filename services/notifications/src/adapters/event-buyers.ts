import { ListEventBuyersInvocation, type OrderBuyer } from '@mytabs/contracts';
import { invoke } from '@mytabs/lambda-kit';

/** Every order of an event whose tickets are valid, page by page, as orders answers them. */
export async function* eventBuyers(eventId: string): AsyncGenerator<OrderBuyer> {
  let cursor: string | undefined;
  do {
    const page = await invoke(ListEventBuyersInvocation, { eventId, ...(cursor && { cursor }) });
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor);
}

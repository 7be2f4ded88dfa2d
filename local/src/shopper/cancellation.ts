import type { EventCancellation, PublicEvent } from '@mytabs/contracts';
import { apiClient } from '../seed/api-client.ts';

/**
 * An organizer cancels an event and follows its cancellation as the organizer's site would: the
 * progress on `GET /events/{eventId}` until it says the workflow finished.
 */
export const cancellation = (apiUrl: string, organizerToken: string, eventId: string) => {
  const api = apiClient(apiUrl, organizerToken);
  return {
    cancel: (reason: string) =>
      api.post<{ cancellation: EventCancellation }>(`/events/${eventId}/cancel`, { reason }),

    /** Polls until `finishedAt` (or `timeoutMs`), calling `onProgress` when the count moves. */
    async watch({
      timeoutMs = 600_000,
      intervalMs = 250,
      onProgress = (_c: EventCancellation) => {},
    } = {}) {
      const started = performance.now();
      let seen = -1;
      for (;;) {
        const { cancellation: state } = await api.get<PublicEvent>(`/events/${eventId}`);
        if (state && state.ordersDone !== seen) {
          seen = state.ordersDone;
          onProgress(state);
        }
        if (state?.finishedAt || performance.now() - started > timeoutMs) return state;
        await new Promise((r) => setTimeout(r, intervalMs));
      }
    },
  };
};

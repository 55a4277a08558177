import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { BookCallbackBody, BookCallbackResponse, CallbackDto, CallbackOutcomeBody, CallbackSlotsDto } from '../../contracts/callbacks.js';
import { api } from './client.js';
import { ticketKeys } from './tickets.js';

/** Query keys of callbacks; everything lives under ['callbacks']. */
export const callbackKeys = {
  all: ['callbacks'] as const,
  slots: (ticketRef: string | null, horizon: 'booking' | 'reschedule') => ['callbacks', 'slots', ticketRef, horizon] as const,
  queue: (state: 'booked' | 'done', mine: boolean) => ['callbacks', 'queue', state, mine] as const,
  ofTicket: (ticketRef: string) => ['callbacks', 'ticket', ticketRef] as const,
};

/** Slots of the team calendar with their free seats (the ticket's team, else the default calendar). */
export function useCallbackSlots(ticketRef: string | null, horizon: 'booking' | 'reschedule' = 'booking', enabled = true) {
  return useQuery({
    queryKey: callbackKeys.slots(ticketRef, horizon),
    enabled,
    queryFn: ({ signal }) => api<CallbackSlotsDto>('GET', '/callbacks/slots', { query: { ticketId: ticketRef, horizon }, signal }),
  });
}

/** The callbacks of one ticket (customers see their own). */
export function useTicketCallbacks(ticketRef: string) {
  return useQuery({
    queryKey: callbackKeys.ofTicket(ticketRef),
    queryFn: ({ signal }) => api<{ items: CallbackDto[] }>('GET', '/callbacks', { query: { ticketId: ticketRef, state: 'booked' }, signal }).then((r) => r.items),
  });
}

/** The agents' callback queue, by slot. */
export function useCallbackQueue(state: 'booked' | 'done', mine: boolean) {
  return useQuery({
    queryKey: callbackKeys.queue(state, mine),
    queryFn: ({ signal }) => api<{ items: CallbackDto[] }>('GET', '/callbacks', { query: { state, mine: mine ? 'true' : undefined }, signal }).then((r) => r.items),
    refetchInterval: 60_000,
  });
}

/** Books a callback; slots, callbacks and the ticket are refreshed. */
export function useBookCallback() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof BookCallbackBody>) => api<z.infer<typeof BookCallbackResponse>>('POST', '/callbacks', { json: body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: callbackKeys.all }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ticketKeys.one(r.ticket.number) });
      void qc.invalidateQueries({ queryKey: ticketKeys.lists });
    },
  });
}

/** Records how a call went. */
export function useRecordOutcome() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: z.input<typeof CallbackOutcomeBody> & { id: string }) => api<CallbackDto>('POST', `/callbacks/${encodeURIComponent(id)}/outcome`, { json: body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: callbackKeys.all }),
    onSuccess: (c) => void qc.invalidateQueries({ queryKey: ticketKeys.one(c.ticketNumber) }),
  });
}

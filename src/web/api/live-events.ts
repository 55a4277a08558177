import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { TicketEventDto } from '../../contracts/events.js';
import { SESSION_KEY } from './session.js';
import { invalidateTicketById, ticketKeys } from './tickets.js';

/** State of the live connection, shown to agents so they know whether the screen is current. */
export type LiveStatus = 'connecting' | 'live' | 'offline';

/**
 * Listens to GET /api/v1/events while `enabled` and refetches what a change touches: every ticket
 * list and the cached ticket of that id. After a reconnection everything ticket-related is
 * refetched, since changes may have been missed while offline.
 */
export function useLiveEvents(enabled: boolean): LiveStatus {
  const qc = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource('/api/v1/events');
    let wasOffline = false;
    source.addEventListener('ready', () => {
      setStatus('live');
      if (wasOffline) {
        void qc.invalidateQueries({ queryKey: ticketKeys.lists });
        void qc.invalidateQueries({ queryKey: ['ticket'] });
      }
      wasOffline = false;
    });
    source.addEventListener('ticket', (e) => {
      const parsed = TicketEventDto.safeParse(JSON.parse((e as MessageEvent<string>).data));
      if (parsed.success) invalidateTicketById(qc, parsed.data.ticketId);
    });
    source.onerror = () => {
      wasOffline = true;
      setStatus(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
      // A refused stream (session ended) does not retry by itself: check the session, which
      // sends the person to sign-in when it is gone.
      if (source.readyState === EventSource.CLOSED) void qc.invalidateQueries({ queryKey: SESSION_KEY });
    };
    return () => source.close();
  }, [enabled, qc]);
  return status;
}

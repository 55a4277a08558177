import { EventEmitter } from 'node:events';
import type { TicketChange, TicketEventBus } from '../ports/ticket-events.js';

/** In-process bus; several nodes would need PostgreSQL LISTEN/NOTIFY behind the same port. */
export class MemoryTicketEventBus implements TicketEventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  publish(change: TicketChange): void {
    this.emitter.emit('change', change);
  }

  subscribe(listener: (change: TicketChange) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }
}

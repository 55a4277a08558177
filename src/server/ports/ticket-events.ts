/** What happened to a ticket, told after the change is committed (live updates, SSE). */
export interface TicketChange {
  ticketId: string;
  type: string;
  /** Whether only agents may learn of it (an internal note). */
  internal: boolean;
  at: string;
}

/** Publishes committed ticket changes to listeners in this process. */
export interface TicketEventBus {
  publish(change: TicketChange): void;
  subscribe(listener: (change: TicketChange) => void): () => void;
}

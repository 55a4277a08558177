/** The time source; services never call Date.now() directly so tests can move time. */
export interface Clock {
  now(): Date;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock tests set and advance by hand. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string | number) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  /** Moves to an instant. */
  set(to: Date | string | number): void {
    this.current = new Date(to).getTime();
  }
  /** Moves forward by milliseconds. */
  advance(ms: number): void {
    this.current += ms;
  }
}

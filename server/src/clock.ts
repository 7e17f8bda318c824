/** Every "now" in the server comes from a Clock, so tests can move time instead of sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests set and advance by hand. */
export class TestClock implements Clock {
  private current: number;
  constructor(start: Date | string = '2026-04-04T10:30:00.000Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }
}

/** ISO-8601 UTC instant, the one text form instants are stored and returned in. */
export const isoNow = (clock: Clock): string => clock.now().toISOString();

/** The calendar day (UTC) of an instant, as YYYY-MM-DD. */
export const dayOf = (d: Date): string => d.toISOString().slice(0, 10);

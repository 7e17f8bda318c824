import { dayOf } from './dates.js';

/**
 * The bank's clock: a base time source (real time, or the one a test passes to buildBankSim) plus an
 * offset that `POST /sim/clock` moves. Consent expiry, the daily budget and history windows all read it.
 */
export class BankClock {
  private offsetMs = 0;

  constructor(private readonly base: () => Date) {}

  now(): Date {
    return new Date(this.base().getTime() + this.offsetMs);
  }

  /** Today's bank day (UTC). */
  today(): number {
    return dayOf(this.now());
  }

  set(at: Date): void {
    this.offsetMs = at.getTime() - this.base().getTime();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

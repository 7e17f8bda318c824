// The daily access budget: `frequencyPerDay` unattended reads (no PSU-IP-Address) per consent, per account,
// per bank day (UTC). The pages after the first of one listing are not counted again.

export class Budget {
  private readonly used = new Map<string, number>();

  /** Count one read; false (and nothing counted) when the budget for that day is used up. */
  take(consentId: string, resourceId: string, day: number, limit: number): boolean {
    const key = `${consentId}\u0000${resourceId}\u0000${day}`;
    const n = this.used.get(key) ?? 0;
    if (n >= limit) return false;
    this.used.set(key, n + 1);
    return true;
  }

  usedOn(consentId: string, resourceId: string, day: number): number {
    return this.used.get(`${consentId}\u0000${resourceId}\u0000${day}`) ?? 0;
  }
}

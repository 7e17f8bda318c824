/**
 * Date arithmetic on ISO days and the date / amount wordings statements print, shared by the dev
 * history generators (the PRNG-driven helpers stay in each generator: they read its own stream).
 */
import { SERBIAN_MONTHS } from '../../src/connectors/sandbox/calendar.js';

export const DAY = 86_400_000;
/** Days since the epoch of an ISO date, and back. */
export const toDay = (d: string): number => Date.parse(`${d}T00:00:00Z`) / DAY;
export const toDate = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);
export const weekday = (n: number): number => new Date(n * DAY).getUTCDay();
export const pad = (n: number): string => String(n).padStart(2, '0');
/** "19.10.2026", "10/2026" and "oktobar" from an ISO date. */
export const dmy = (d: string): string => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
export const mmyyyy = (d: string): string => `${d.slice(5, 7)}/${d.slice(0, 4)}`;
export const monthName = (d: string): string => SERBIAN_MONTHS[Number(d.slice(5, 7)) - 1] as string;
/** "9,99" from minor units of a foreign currency. */
export const money = (minor: number): string => `${Math.floor(minor / 100)},${pad(minor % 100)}`;

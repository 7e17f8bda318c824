import { signal } from '@preact/signals';
import type { Developer, NewApiKey } from './api.js';
import type { Key } from './i18n.js';

/** The logged-in developer; undefined while we ask /developers/me, null when logged out. */
export const developer = signal<Developer | null | undefined>(undefined);

/** The sandbox app (API key id, not a secret) the explorer and the widget page act on. */
export const explorerApp = signal<string | null>(readStoredApp());
function readStoredApp(): string | null {
  try {
    return localStorage.getItem('od_app');
  } catch {
    return null;
  }
}

/** The key register returned, to show once on the overview right after sign-up. */
export const freshKey = signal<NewApiKey | null>(null);

/** Why the login page is shown (a message key, so it follows a language switch). */
export const sessionNotice = signal<Key | null>(null);

/**
 * What a toast says, kept as a message key with its values (or the failure itself) rather than
 * rendered text, so an open toast is re-rendered in the new language after a switch.
 */
export type ToastMessage = { key: Key; vars?: Record<string, string | number> } | { error: unknown };

export interface Toast {
  id: number;
  message: ToastMessage;
  kind: 'ok' | 'error';
}
export const toasts = signal<Toast[]>([]);
let seq = 0;

function push(message: ToastMessage, kind: Toast['kind']): void {
  const id = ++seq;
  toasts.value = [...toasts.value, { id, message, kind }];
  setTimeout(() => dismiss(id), kind === 'error' ? 9000 : 5000);
}

export function toast(key: Key, vars?: Record<string, string | number>): void {
  push({ key, vars }, 'ok');
}
/** A failed action, worded by errorText when shown. */
export function toastError(error: unknown): void {
  push({ error }, 'error');
}
/** A problem with a message of our own. */
export function toastProblem(key: Key): void {
  push({ key }, 'error');
}
export function dismiss(id: number): void {
  toasts.value = toasts.value.filter((x) => x.id !== id);
}

export function forgetSession(): void {
  developer.value = null;
  freshKey.value = null;
}

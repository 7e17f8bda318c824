import { signal } from '@preact/signals';
import type { Developer, NewApiKey } from './api.js';

/** The logged-in developer; undefined while we ask /developers/me, null when logged out. */
export const developer = signal<Developer | null | undefined>(undefined);

/**
 * The sandbox key the explorer and the widget page use. Memory only: never written to storage,
 * so neither a reload nor an injected script finds it lying around.
 */
export const explorerKey = signal<{ key: string; prefix: string; id: string | null } | null>(null);

/** The key register returned, to show once on the overview right after sign-up. */
export const freshKey = signal<NewApiKey | null>(null);

export const sessionNotice = signal<string | null>(null);

export interface Toast {
  id: number;
  text: string;
  kind: 'ok' | 'error';
}
export const toasts = signal<Toast[]>([]);
let seq = 0;

export function toast(text: string, kind: Toast['kind'] = 'ok'): void {
  const id = ++seq;
  toasts.value = [...toasts.value, { id, text, kind }];
  setTimeout(() => dismiss(id), kind === 'error' ? 9000 : 5000);
}
export function dismiss(id: number): void {
  toasts.value = toasts.value.filter((x) => x.id !== id);
}

export function forgetSession(): void {
  developer.value = null;
  explorerKey.value = null;
  freshKey.value = null;
}

export function setExplorerKey(key: string, id: string | null): void {
  explorerKey.value = { key, prefix: key.slice(0, 15), id };
}

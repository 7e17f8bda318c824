/** What the widget remembers in the browser; every access tolerates storage being unavailable. */

const USER_KEY = 'opendinar_user_id';
const PENDING_KEY = 'opendinar_pending';
const SESSION_LIFETIME_MS = 10 * 60 * 1000;

function randomId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

let memoryUserId: string | undefined;

/** A stable anonymous user id for this browser: localStorage when allowed, else for this page only. */
export function browserUserId(): string {
  try {
    const saved = localStorage.getItem(USER_KEY);
    if (saved) return saved;
    const id = `user_${randomId()}`;
    localStorage.setItem(USER_KEY, id);
    return id;
  } catch {
    memoryUserId ??= `user_${randomId()}`;
    return memoryUserId;
  }
}

/** A session started before the widget redirected the page to the bank (popup blocked). */
export interface PendingSession {
  session_token: string;
  auth_url: string;
  bank_id: string;
  bank_name: string;
  saved_at: number;
}

export function savePending(pending: PendingSession): boolean {
  try {
    sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
    return true;
  } catch {
    return false;
  }
}

/** Reads and forgets the pending session, so only one handler resumes it; stale ones are dropped. */
export function takePending(): PendingSession | null {
  try {
    const raw = sessionStorage.getItem(PENDING_KEY);
    if (!raw) return null;
    sessionStorage.removeItem(PENDING_KEY);
    const p = JSON.parse(raw) as PendingSession;
    if (typeof p.session_token !== 'string' || Date.now() - p.saved_at > SESSION_LIFETIME_MS) return null;
    return p;
  } catch {
    return null;
  }
}

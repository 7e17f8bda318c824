import { BANKS, type Bank } from '../banks/catalogue.js';
import { TEST_USERS } from './test-users.js';

/** The page follows the widget's language (`&lang=en` on the auth_url); Serbian by default. */
export type PageLang = 'sr' | 'en';
export const pageLangOf = (raw: unknown): PageLang => (raw === 'en' ? 'en' : 'sr');

const TEXT = {
  sr: {
    title: 'prijava',
    heading: 'Prijava u elektronsko bankarstvo',
    lead: (app: string, bank: string) =>
      `<strong>${app}</strong> traži pristup vašim podacima u banci ${bank} preko servisa OpenDinar.`,
    hint: 'Ovo je test banka: unesite bilo koje korisničko ime i lozinku. Test korisnici:',
    username: 'Korisničko ime',
    password: 'Lozinka',
    accessTitle: 'Aplikacija će moći da vidi:',
    access: ['Spisak računa', 'Stanje na računima', 'Transakcije (najmanje 12 meseci)'],
    accessIdentity: 'Podaci o vlasniku računa (ime, adresa, kontakt)',
    approve: 'Odobri pristup',
    deny: 'Odbij',
    foot: 'Pristup možete opozvati u svakom trenutku. Lozinku nikada ne delite sa aplikacijom — unosite je samo na stranici banke.',
    back: 'Zatvorite ovaj prozor i vratite se u aplikaciju da biste pokušali ponovo.',
  },
  en: {
    title: 'sign in',
    heading: 'Sign in to online banking',
    lead: (app: string, bank: string) =>
      `<strong>${app}</strong> asks for access to your data at ${bank} through OpenDinar.`,
    hint: 'This is a test bank: enter any username and password. Test users:',
    username: 'Username',
    password: 'Password',
    accessTitle: 'The app will be able to see:',
    access: ['Your accounts', 'Account balances', 'Transactions (at least 12 months)'],
    accessIdentity: 'Account holder details (name, address, contact)',
    approve: 'Approve access',
    deny: 'Decline',
    foot: 'You can revoke access at any time. Never share your password with the app — enter it only on the bank’s page.',
    back: 'Close this window and go back to the app to try again.',
  },
} as const;

/** The notices of GET /sandbox/auth.html, in both languages. */
export const NOTICES = {
  badLink: {
    sr: ['Neispravan link', 'Link za prijavu nema oznaku sesije (session_token).'],
    en: ['Invalid link', 'The sign-in link has no session token (session_token).'],
  },
  notFound: {
    sr: ['Sesija nije pronađena', 'Ovaj link za prijavu ne postoji ili je neispravan.'],
    en: ['Session not found', 'This sign-in link does not exist or is invalid.'],
  },
  approved: {
    sr: ['Pristup je već odobren', 'O ovom zahtevu ste već odlučili: pristup je odobren.'],
    en: ['Access already approved', 'You already decided on this request: access was approved.'],
  },
  denied: {
    sr: ['Pristup je odbijen', 'O ovom zahtevu ste već odlučili: pristup je odbijen.'],
    en: ['Access declined', 'You already decided on this request: access was declined.'],
  },
  locked: {
    sr: [
      'Račun je zaključan',
      'Vaš račun u ovoj banci je zaključan. Obratite se banci da biste ga otključali.',
    ],
    en: ['Account locked', 'Your account at this bank is locked. Contact the bank to unlock it.'],
  },
  expired: {
    sr: ['Sesija je istekla', 'Link za prijavu važi 10 minuta i više nije važeći.'],
    en: ['Session expired', 'The sign-in link is valid for 10 minutes and has expired.'],
  },
} as const satisfies Record<string, Record<PageLang, readonly [string, string]>>;

/**
 * The sandbox bank's login page. Markup only: the script and the stylesheet are separate files
 * (/sandbox/auth.js, /sandbox/auth.css), so the page runs under a CSP with no 'unsafe-inline'.
 * Per-session values travel in data- attributes, escaped.
 */
export const AUTH_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');

function head(title: string, lang: PageLang): string {
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'sr-Latn'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/sandbox/auth.css"><script src="/sandbox/auth.js" defer></script></head>`;
}

function bar(bank: Bank | undefined): string {
  const name = bank?.name ?? 'OpenDinar';
  return `<header class="bar"><span class="logo" aria-hidden="true">${escapeHtml(initials(name))}</span><span class="bank-name">${escapeHtml(name)}</span><span class="badge">SANDBOX</span></header>`;
}

export interface LoginPageInput {
  bank: Bank;
  appName: string;
  sessionToken: string;
  redirectUrl: string;
  lang?: PageLang;
}

/** The login form: any username and password, Approve approves, Decline declines; test users in the hint. */
export function renderLoginPage(p: LoginPageInput): string {
  const lang = p.lang ?? 'sr';
  const t = TEXT[lang];
  const access: string[] = [...t.access];
  if (p.bank.feat_identity) access.push(t.accessIdentity);
  const users = TEST_USERS.map(
    (u) => `<li><code>${escapeHtml(u.username)}</code> — ${escapeHtml(u.hint[lang])}</li>`,
  ).join('');
  return `${head(`${p.bank.name} — ${t.title}`, lang)}
<body class="brand-${escapeHtml(p.bank.id)}" data-session-token="${escapeHtml(p.sessionToken)}" data-redirect-url="${escapeHtml(p.redirectUrl)}">
${bar(p.bank)}
<main class="card">
<h1>${t.heading}</h1>
<p class="lead">${t.lead(escapeHtml(p.appName), escapeHtml(p.bank.name))}</p>
<div class="hint"><p>${t.hint}</p><ul class="test-users">${users}</ul></div>
<form id="login" method="post" action="/sandbox/authorize" autocomplete="off">
<label for="username">${t.username}</label>
<input id="username" name="username" autocomplete="username" required>
<label for="password">${t.password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<p class="access-title">${t.accessTitle}</p>
<ul class="access">${access.map((a) => `<li>${escapeHtml(a)}</li>`).join('')}</ul>
<div class="actions">
<button type="submit" id="approve" class="approve">${t.approve}</button>
<button type="button" id="deny" class="deny">${t.deny}</button>
</div>
</form>
<p id="message" class="message" role="status" aria-live="polite" hidden></p>
</main>
<footer class="foot">${t.foot}</footer>
</body></html>`;
}

/** A plain notice (unknown, expired or finished session): HTML for people, never JSON. */
export function renderNoticePage(n: {
  bank?: Bank | undefined;
  notice: keyof typeof NOTICES;
  lang?: PageLang;
}): string {
  const lang = n.lang ?? 'sr';
  const [title, text] = NOTICES[n.notice][lang];
  return `${head(title, lang)}
<body class="${n.bank ? `brand-${escapeHtml(n.bank.id)}` : 'brand-none'}">
${bar(n.bank)}
<main class="card notice"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>
<p class="hint">${TEXT[lang].back}</p></main>
</body></html>`;
}

/** Dark or light text on a brand colour, by WCAG relative luminance. */
function textOn(hex: string): string {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return l > 0.4 ? '#14141f' : '#ffffff';
}

const BRAND_RULES = BANKS.map((b) => `.brand-${b.id}{--brand:${b.color};--on-brand:${textOn(b.color)}}`).join(
  '\n',
);

export const AUTH_PAGE_CSS = `:root{--brand:#1b5fd1;--on-brand:#fff;--ink:#1a1a2e;--muted:#5b6070;--line:#dfe2e8}
${BRAND_RULES}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#f3f4f7;min-height:100vh}
.bar{display:flex;align-items:center;gap:.75rem;padding:.9rem 1.25rem;background:var(--brand);color:var(--on-brand)}
.logo{display:inline-flex;align-items:center;justify-content:center;width:2.2rem;height:2.2rem;border-radius:50%;border:2px solid currentColor;font-weight:700;font-size:.85rem}
.bank-name{font-weight:700;font-size:1.15rem;flex:1}
.badge{font-size:.7rem;font-weight:700;letter-spacing:.08em;padding:.15rem .5rem;border-radius:999px;border:1px solid currentColor}
.card{max-width:26rem;margin:2rem auto;background:#fff;border-radius:12px;padding:1.5rem 1.5rem 1.25rem;box-shadow:0 2px 12px rgba(20,20,40,.08)}
h1{font-size:1.25rem;margin:0 0 .5rem}
.lead{margin:.25rem 0 .75rem}
.hint{color:var(--muted);font-size:.9rem;background:#fffbe6;border:1px solid #f1e3a0;border-radius:8px;padding:.5rem .7rem}
.hint p{margin:0}
.test-users{margin:.3rem 0 0;padding-left:1.1rem}
.test-users code{color:var(--ink);font-size:.85rem}
label{display:block;font-weight:600;font-size:.9rem;margin:.85rem 0 .3rem}
input{width:100%;font:inherit;padding:.6rem .7rem;border:1px solid var(--line);border-radius:8px}
input:focus{outline:2px solid var(--brand);outline-offset:1px}
.access-title{margin:1rem 0 .25rem;font-weight:600;font-size:.9rem}
.access{margin:0;padding-left:1.2rem;color:var(--muted);font-size:.9rem}
.actions{display:flex;flex-direction:column;gap:.6rem;margin-top:1.25rem}
button{font:inherit;font-weight:700;padding:.75rem 1rem;border-radius:8px;cursor:pointer}
.approve{background:var(--brand);color:var(--on-brand);border:1px solid rgba(0,0,0,.15)}
.deny{background:#fff;color:var(--ink);border:1px solid var(--line)}
button:disabled{opacity:.6;cursor:progress}
.message{margin:1rem 0 0;padding:.6rem .75rem;border-radius:8px;font-weight:600}
.message.ok{background:#e8f6ec;color:#17643a}
.message.error{background:#fdeaea;color:#9b1c1c}
.foot{max-width:26rem;margin:0 auto 2rem;padding:0 1rem;color:var(--muted);font-size:.8rem;text-align:center}
`;

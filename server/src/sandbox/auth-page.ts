import { BANKS, type Bank } from '../banks/catalogue.js';

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

function head(title: string): string {
  return `<!doctype html>
<html lang="sr-Latn"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
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
}

/** The login form: any username and password, "Odobri pristup" approves, "Odbij" declines. */
export function renderLoginPage(p: LoginPageInput): string {
  const access = ['Spisak računa', 'Stanje na računima', 'Transakcije (najmanje 12 meseci)'];
  if (p.bank.feat_identity) access.push('Podaci o vlasniku računa (ime, adresa, kontakt)');
  return `${head(`${p.bank.name} — prijava`)}
<body class="brand-${escapeHtml(p.bank.id)}" data-session-token="${escapeHtml(p.sessionToken)}" data-redirect-url="${escapeHtml(p.redirectUrl)}">
${bar(p.bank)}
<main class="card">
<h1>Prijava u elektronsko bankarstvo</h1>
<p class="lead"><strong>${escapeHtml(p.appName)}</strong> traži pristup vašim podacima u banci ${escapeHtml(p.bank.name)} preko servisa OpenDinar.</p>
<p class="hint">Ovo je test banka: unesite bilo koje korisničko ime i lozinku.</p>
<form id="login" method="post" action="/sandbox/authorize" autocomplete="off">
<label for="username">Korisničko ime</label>
<input id="username" name="username" autocomplete="username" required>
<label for="password">Lozinka</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<p class="access-title">Aplikacija će moći da vidi:</p>
<ul class="access">${access.map((a) => `<li>${escapeHtml(a)}</li>`).join('')}</ul>
<div class="actions">
<button type="submit" id="approve" class="approve">Odobri pristup</button>
<button type="button" id="deny" class="deny">Odbij</button>
</div>
</form>
<p id="message" class="message" role="status" aria-live="polite" hidden></p>
</main>
<footer class="foot">Pristup možete opozvati u svakom trenutku. Lozinku nikada ne delite sa aplikacijom — unosite je samo na stranici banke.</footer>
</body></html>`;
}

/** A plain notice (unknown, expired or finished session): HTML for people, never JSON. */
export function renderNoticePage(n: { bank?: Bank | undefined; title: string; text: string }): string {
  return `${head(n.title)}
<body class="${n.bank ? `brand-${escapeHtml(n.bank.id)}` : 'brand-none'}">
${bar(n.bank)}
<main class="card notice"><h1>${escapeHtml(n.title)}</h1><p>${escapeHtml(n.text)}</p>
<p class="hint">Zatvorite ovaj prozor i vratite se u aplikaciju da biste pokušali ponovo.</p></main>
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

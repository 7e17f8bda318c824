// The redirect SCA page: GET shows the form (username, one-time code, Approve / Deny); POST decides and
// sends the browser back to the TPP (TPP-Redirect-URI unchanged on approval; on denial the
// TPP-Nok-Redirect-URI, or TPP-Redirect-URI, with error=access_denied).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Bank } from '../bank.js';
import type { Consent } from '../consents/model.js';
import { isoDay } from '../dates.js';
import { type BankProfile, profileFor } from '../profiles.js';

type ScaParams = { Params: { bankId: string; consentId: string } };

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="sr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;background:#f3f4f6;margin:0;padding:2rem}
main{max-width:26rem;margin:0 auto;background:#fff;border-radius:8px;padding:1.5rem;box-shadow:0 1px 3px #0002}
label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.5rem;box-sizing:border-box}
.actions{display:flex;gap:.5rem;margin-top:1.2rem}button{flex:1;padding:.6rem;font-size:1rem}
.error{color:#b91c1c}.hint{color:#6b7280;font-size:.85rem}
</style>
</head>
<body><main>${body}</main></body>
</html>
`;
}

function scaForm(profile: BankProfile, consent: Consent, error: string | null, username: string): string {
  return layout(
    `${profile.displayName} – potvrda pristupa`,
    `<h1>${escapeHtml(profile.displayName)}</h1>
<p>A third party asks to read your account list, balances and transactions until ${isoDay(consent.validUntilDay)}.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/${profile.id}/sca/${escapeHtml(consent.consentId)}">
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" required value="${escapeHtml(username)}">
<label for="otp">One-time code</label>
<input id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required>
<p class="hint">bank-sim: any username and any 6-digit code pass.</p>
<div class="actions">
<button type="submit" name="action" value="approve">Approve</button>
<button type="submit" name="action" value="deny" formnovalidate>Deny</button>
</div>
</form>`,
  );
}

function message(reply: FastifyReply, status: number, title: string, text: string) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(layout(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`));
}

export function scaRoutes(app: FastifyInstance, bank: Bank): void {
  const find = (bankId: string, consentId: string) => {
    const profile = profileFor(bankId);
    const consent = profile ? bank.consent(consentId) : undefined;
    return profile && consent && consent.bankId === profile.id ? { profile, consent } : null;
  };

  app.get<ScaParams>('/:bankId/sca/:consentId', async (request, reply) => {
    const found = find(request.params.bankId, request.params.consentId);
    if (!found) return message(reply, 404, 'Unknown request', 'This authorisation request does not exist.');
    const { profile, consent } = found;
    if (consent.status !== 'received') {
      return message(
        reply,
        409,
        'Already decided',
        `This request is no longer awaiting approval (${consent.status}).`,
      );
    }
    return reply.type('text/html; charset=utf-8').send(scaForm(profile, consent, null, ''));
  });

  app.post<ScaParams>('/:bankId/sca/:consentId', async (request, reply) => {
    const found = find(request.params.bankId, request.params.consentId);
    if (!found) return message(reply, 404, 'Unknown request', 'This authorisation request does not exist.');
    const { profile, consent } = found;
    if (consent.status !== 'received') {
      return message(
        reply,
        409,
        'Already decided',
        `This request is no longer awaiting approval (${consent.status}).`,
      );
    }
    const form = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<
      string,
      unknown
    >;
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
    if (field('action') === 'deny') {
      consent.status = 'rejected';
      const target = new URL(consent.nokRedirectUri ?? consent.redirectUri);
      target.searchParams.append('error', 'access_denied');
      return reply.redirect(target.toString(), 302);
    }
    const username = field('username');
    const page = (error: string) =>
      reply
        .code(400)
        .type('text/html; charset=utf-8')
        .send(scaForm(profile, consent, error, username));
    if (field('action') !== 'approve') return page('Choose Approve or Deny.');
    if (username === '' || username.length > 64) return page('Enter your username (up to 64 characters).');
    if (!/^\d{6}$/.test(field('otp'))) return page('The one-time code has 6 digits.');
    bank.approve(consent, username);
    return reply.redirect(consent.redirectUri, 302);
  });
}

/**
 * /sandbox/auth.js — the sandbox bank page's behaviour, served as a file (no inline script).
 * Approve → POST /sandbox/authorize, decline → POST /sandbox/deny. Then: opened as a popup, tell
 * the opener (only at the redirect_url's origin) and close; otherwise go to redirect_url with
 * ?status=authorized|denied. The public token is never put in a URL or a message: the app's
 * backend (or the widget) reads it from GET /connect/status.
 */
export const AUTH_PAGE_SCRIPT = `(function () {
  'use strict';
  var body = document.body;
  var token = body.getAttribute('data-session-token');
  var redirect = body.getAttribute('data-redirect-url');
  var form = document.getElementById('login');
  if (!form || !token) return;
  var approve = document.getElementById('approve');
  var deny = document.getElementById('deny');
  var user = document.getElementById('username');
  var pass = document.getElementById('password');
  var message = document.getElementById('message');

  var TEXT = {
    SESSION_EXPIRED: 'Sesija je istekla (10 minuta). Vratite se u aplikaciju i pokušajte ponovo.',
    SESSION_NOT_FOUND: 'Sesija nije pronađena. Vratite se u aplikaciju i pokušajte ponovo.',
    SESSION_ALREADY_COMPLETED: 'O ovom zahtevu je već odlučeno. Vratite se u aplikaciju.',
    PUBLIC_TOKEN_EXPIRED: 'Odobrenje je isteklo. Vratite se u aplikaciju i pokušajte ponovo.'
  };

  function show(text, kind) {
    message.textContent = text;
    message.className = 'message ' + kind;
    message.hidden = false;
  }
  function setBusy(on) {
    approve.disabled = on;
    deny.disabled = on;
  }
  function originOf(url) {
    try { return new URL(url).origin; } catch (e) { return null; }
  }
  function finish(status) {
    var opener = window.opener;
    if (opener && !opener.closed) {
      var origin = originOf(redirect);
      if (origin && origin !== 'null') {
        try { opener.postMessage({ source: 'opendinar', type: 'sandbox_auth', status: status, session_token: token }, origin); } catch (e) {}
      }
      window.close();
      // Still open (some browsers refuse): leave the user a clear next step.
      setTimeout(function () { show('Gotovo. Možete zatvoriti ovaj prozor.', 'ok'); }, 300);
      return;
    }
    try {
      var target = new URL(redirect);
      if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error('bad redirect');
      target.searchParams.set('status', status);
      window.location.assign(target.toString());
    } catch (e) {
      show('Gotovo. Vratite se u aplikaciju.', 'ok');
    }
  }
  function send(path, status, doneText) {
    setBusy(true);
    fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ session_token: token }),
      credentials: 'omit'
    })
      .then(function (res) {
        return res.json().then(function (data) { return { ok: res.ok, data: data }; });
      })
      .then(function (r) {
        if (r.ok) {
          show(doneText, 'ok');
          finish(status);
          return;
        }
        var code = r.data && r.data.error_code;
        show(TEXT[code] || 'Došlo je do greške. Pokušajte ponovo.', 'error');
        if (!TEXT[code]) setBusy(false);
      })
      .catch(function () {
        show('Veza sa bankom nije uspela. Pokušajte ponovo.', 'error');
        setBusy(false);
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!user.value.trim() || !pass.value) {
      show('Unesite korisničko ime i lozinku.', 'error');
      return;
    }
    send('/sandbox/authorize', 'authorized', 'Pristup je odobren. Vraćamo vas u aplikaciju…');
  });
  deny.addEventListener('click', function () {
    send('/sandbox/deny', 'denied', 'Pristup je odbijen. Vraćamo vas u aplikaciju…');
  });
})();
`;

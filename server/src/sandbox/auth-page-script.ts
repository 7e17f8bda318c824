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

  var LANG = document.documentElement.lang === 'en' ? 'en' : 'sr';
  var TEXTS = {
    sr: {
      SESSION_EXPIRED: 'Sesija je istekla (10 minuta). Vratite se u aplikaciju i pokušajte ponovo.',
      SESSION_NOT_FOUND: 'Sesija nije pronađena. Vratite se u aplikaciju i pokušajte ponovo.',
      SESSION_ALREADY_COMPLETED: 'O ovom zahtevu je već odlučeno. Vratite se u aplikaciju.',
      PUBLIC_TOKEN_EXPIRED: 'Odobrenje je isteklo. Vratite se u aplikaciju i pokušajte ponovo.',
      ITEM_LOCKED: 'Vaš račun u ovoj banci je zaključan. Obratite se banci da biste ga otključali, pa pokušajte ponovo.',
      INVALID_CREDENTIALS: 'Pogrešna lozinka. Proverite podatke i pokušajte ponovo.',
      generic: 'Došlo je do greške. Pokušajte ponovo.',
      network: 'Veza sa bankom nije uspela. Pokušajte ponovo.',
      missing: 'Unesite korisničko ime i lozinku.',
      approved: 'Pristup je odobren. Vraćamo vas u aplikaciju…',
      denied: 'Pristup je odbijen. Vraćamo vas u aplikaciju…',
      closeNow: 'Gotovo. Možete zatvoriti ovaj prozor.',
      back: 'Gotovo. Vratite se u aplikaciju.'
    },
    en: {
      SESSION_EXPIRED: 'The session has expired (10 minutes). Go back to the app and try again.',
      SESSION_NOT_FOUND: 'Session not found. Go back to the app and try again.',
      SESSION_ALREADY_COMPLETED: 'This request was already decided. Go back to the app.',
      PUBLIC_TOKEN_EXPIRED: 'The approval has expired. Go back to the app and try again.',
      ITEM_LOCKED: 'Your account at this bank is locked. Contact the bank to unlock it, then try again.',
      INVALID_CREDENTIALS: 'Wrong password. Check your details and try again.',
      generic: 'Something went wrong. Please try again.',
      network: 'Could not reach the bank. Please try again.',
      missing: 'Enter your username and password.',
      approved: 'Access approved. Taking you back to the app…',
      denied: 'Access declined. Taking you back to the app…',
      closeNow: 'Done. You can close this window.',
      back: 'Done. Go back to the app.'
    }
  };
  var TEXT = TEXTS[LANG];
  // Codes after which the user can fix the form and send it again.
  var RETRYABLE = { INVALID_CREDENTIALS: true };

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
      setTimeout(function () { show(TEXT.closeNow, 'ok'); }, 300);
      return;
    }
    try {
      var target = new URL(redirect);
      if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error('bad redirect');
      target.searchParams.set('status', status);
      window.location.assign(target.toString());
    } catch (e) {
      show(TEXT.back, 'ok');
    }
  }
  // The app learns the outcome from its status polls; this only asks the widget to poll now.
  function nudge() {
    var opener = window.opener;
    var origin = originOf(redirect);
    if (opener && !opener.closed && origin && origin !== 'null') {
      try { opener.postMessage({ source: 'opendinar', type: 'sandbox_auth', status: 'error', session_token: token }, origin); } catch (e) {}
    } else {
      // Same-tab flow: give the user time to read why, then back to the app (its poll gets the error).
      setTimeout(function () { finish('denied'); }, 4000);
    }
  }
  function send(path, status, doneText, body) {
    setBusy(true);
    fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body || { session_token: token }),
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
        var known = code && code !== 'generic' && code !== 'network' && Object.prototype.hasOwnProperty.call(TEXT, code);
        show(known ? TEXT[code] : TEXT.generic, 'error');
        if (!known || RETRYABLE[code]) {
          setBusy(false);
          if (RETRYABLE[code]) {
            pass.value = '';
            pass.focus();
          }
        } else nudge();
      })
      .catch(function () {
        show(TEXT.network, 'error');
        setBusy(false);
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!user.value.trim() || !pass.value) {
      show(TEXT.missing, 'error');
      return;
    }
    send('/sandbox/authorize', 'authorized', TEXT.approved, {
      session_token: token,
      username: user.value.trim().slice(0, 100)
    });
  });
  deny.addEventListener('click', function () {
    send('/sandbox/deny', 'denied', TEXT.denied);
  });
})();
`;

// The test page's app: two components using the hook (the script must load once), and one whose
// script URL is broken (the hook must report the error).
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useOpenDinarLink } from '../src/index.js';

const CONFIG = (window as unknown as { CONFIG: { apiUrl: string; linkToken: string } }).CONFIG;

function Connect({ id }: { id: string }) {
  const [result, setResult] = useState('');
  const { open, ready, error } = useOpenDinarLink({
    linkToken: CONFIG.linkToken,
    apiBaseUrl: CONFIG.apiUrl,
    language: 'en',
    onSuccess: (token, meta) => setResult(`success ${token} ${meta.bank_id}`),
    onExit: () => setResult('exit'),
  });
  return (
    <div id={id} data-ready={String(ready)}>
      <button type="button" disabled={!ready} onClick={open}>
        Connect {id}
      </button>
      <output>{result}</output>
      {error && <p className="error">{error.message}</p>}
    </div>
  );
}

function Broken() {
  const { ready, error } = useOpenDinarLink({
    linkToken: 'link_whatever',
    scriptUrl: `${CONFIG.apiUrl}/v1/missing.js`,
    onSuccess: () => undefined,
  });
  return (
    <p id="broken" data-ready={String(ready)}>
      {error?.message ?? ''}
    </p>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Connect id="a" />
      <Connect id="b" />
      <Broken />
    </StrictMode>,
  );
}

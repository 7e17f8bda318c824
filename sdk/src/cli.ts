// The `opendinar` command: log in, manage keys, forward your webhook events to localhost, and fire
// sandbox events. Node 20+ built-ins only.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { OpenDinar } from './client.js';
import { OpenDinarConnectionError, OpenDinarError } from './errors.js';
import { signWebhook } from './webhooks.js';

interface Config {
  api_url?: string;
  session_token?: string;
  email?: string;
  expires_at?: string;
  listen_secret?: string;
}

const HELP: Record<string, string> = {
  main: `opendinar — the OpenDinar command line

Usage: opendinar <command> [options]

Commands:
  login                      Log in with your developer account (session stored in your config dir)
  logout                     Forget the stored session
  keys list|create|revoke    Manage API keys
  listen --forward-to URL    Receive your webhook events live and POST them, signed, to URL
  trigger <event>            Fire a sandbox webhook event

Global options:
  --api-url URL              API base URL (default: OPENDINAR_API_URL, the stored one, or http://localhost:3000)
  -h, --help                 Help for a command: opendinar <command> --help
`,
  login: `Usage: opendinar login [--email EMAIL] [--password PASSWORD] [--api-url URL]

Logs in and stores the developer session (valid 24 hours) in ${'$'}XDG_CONFIG_HOME/opendinar/config.json
(or OPENDINAR_CONFIG_DIR), readable only by you (mode 0600). Without --password it reads
OPENDINAR_PASSWORD, else asks.
`,
  logout: `Usage: opendinar logout

Ends the stored developer session on the server and removes it from the config file.
`,
  keys: `Usage:
  opendinar keys list
  opendinar keys create --name APP_NAME [--environment sandbox|live]
  opendinar keys revoke KEY_ID

create prints the full key once; store it safely.
`,
  listen: `Usage: opendinar listen --forward-to URL [--events TYPE,TYPE]

Streams your webhook events from the server as they happen (GET /developers/events/stream) and POSTs each
one to URL with the exact body a webhook receives, signed in OpenDinar-Signature with a listen secret that
is printed at start (verify with it locally, as with your webhook's whsec_ secret). Shows each delivery's
HTTP status. Ctrl-C to stop.
`,
  trigger: `Usage: opendinar trigger <event> [--account ACCOUNT_ID]

Fires a sandbox event to your webhooks and to running \`opendinar listen\` sessions.
Events: AUTH.AUTOMATICALLY_VERIFIED, ITEM.CONNECTION_REVOKED, TRANSACTIONS.SYNC_UPDATES_AVAILABLE
(and any other type the server lists). --account names one of your sandbox accounts in the event.
`,
};

class CliError extends Error {}

function configDir(): string {
  if (process.env.OPENDINAR_CONFIG_DIR) return process.env.OPENDINAR_CONFIG_DIR;
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'opendinar');
}
const configPath = () => join(configDir(), 'config.json');

function readConfig(): Config {
  try {
    return JSON.parse(readFileSync(configPath(), 'utf8')) as Config;
  } catch {
    return {};
  }
}

function writeConfig(config: Config): void {
  mkdirSync(configDir(), { recursive: true, mode: 0o700 });
  writeFileSync(configPath(), `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  chmodSync(configPath(), 0o600);
}

function apiUrl(flag: string | undefined, config: Config): string {
  return (flag ?? process.env.OPENDINAR_API_URL ?? config.api_url ?? 'http://localhost:3000').replace(
    /\/+$/,
    '',
  );
}

function sessionClient(flags: { 'api-url'?: string }): { client: OpenDinar; config: Config; url: string } {
  const config = readConfig();
  if (!config.session_token) throw new CliError('Not logged in — run `opendinar login` first.');
  const url = apiUrl(flags['api-url'], config);
  return { client: new OpenDinar({ sessionToken: config.session_token, baseUrl: url }), config, url };
}

async function ask(question: string): Promise<string> {
  if (!process.stdin.isTTY)
    throw new CliError(`${question.replace(/: $/, '')} is required (pass it as an option).`);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

const time = () => new Date().toISOString().slice(11, 19);

async function login(flags: Record<string, string | boolean | undefined>): Promise<void> {
  const config = readConfig();
  const url = apiUrl(flags['api-url'] as string | undefined, config);
  const email = (flags.email as string | undefined) ?? (await ask('Email: '));
  const password =
    (flags.password as string | undefined) ?? process.env.OPENDINAR_PASSWORD ?? (await ask('Password: '));
  const client = new OpenDinar({ baseUrl: url });
  const session = await client.login({ body: { email, password } });
  writeConfig({
    ...config,
    api_url: url,
    email,
    session_token: session.session_token,
    expires_at: session.expires_at,
  });
  console.log(`Logged in to ${url} as ${email} (session until ${session.expires_at}).`);
  console.log(`Session stored in ${configPath()} (mode 0600).`);
}

async function logout(flags: Record<string, string | boolean | undefined>): Promise<void> {
  const { client, config } = sessionClient(flags);
  await client.logout().catch(() => undefined);
  const { session_token: _t, expires_at: _e, ...rest } = config;
  writeConfig(rest);
  console.log('Logged out.');
}

async function keys(args: string[], flags: Record<string, string | boolean | undefined>): Promise<void> {
  const [sub, id] = args;
  const { client } = sessionClient(flags);
  if (sub === 'list') {
    const { keys } = await client.listKeys();
    if (keys.length === 0) return console.log('No API keys.');
    for (const k of keys) {
      console.log(
        [k.id, `${k.prefix}…`, k.environment, k.status, k.app_name, k.last_used_at ?? 'never used'].join(
          '\t',
        ),
      );
    }
    return;
  }
  if (sub === 'create') {
    const name = flags.name as string | undefined;
    if (!name) throw new CliError('keys create needs --name APP_NAME.');
    const environment = (flags.environment as string | undefined) ?? 'sandbox';
    if (environment !== 'sandbox' && environment !== 'live')
      throw new CliError('--environment is sandbox or live.');
    const key = await client.createKey({ body: { app_name: name, environment } });
    console.log(`Created ${key.environment} key ${key.id} for ${key.app_name}:`);
    console.log(key.key);
    console.log('This is the only time the full key is shown.');
    return;
  }
  if (sub === 'revoke') {
    if (!id) throw new CliError('keys revoke needs a KEY_ID (see `opendinar keys list`).');
    const res = await client.revokeKey({ path: { id } });
    console.log(`Revoked ${res.id}.`);
    return;
  }
  throw new CliError(`Unknown keys command '${sub ?? ''}'.\n\n${HELP.keys}`);
}

async function trigger(args: string[], flags: Record<string, string | boolean | undefined>): Promise<void> {
  const event = args[0];
  if (!event) throw new CliError(`trigger needs an event type.\n\n${HELP.trigger}`);
  const { client } = sessionClient(flags);
  const res = await client.triggerEvent({
    body: { event: event as never, ...(flags.account ? { account_id: flags.account as string } : {}) },
  });
  console.log(`Triggered ${res.event} (${res.event_id}) in the sandbox.`);
}

async function listen(flags: Record<string, string | boolean | undefined>): Promise<void> {
  const forwardTo = flags['forward-to'] as string | undefined;
  if (!forwardTo) throw new CliError(`listen needs --forward-to URL.\n\n${HELP.listen}`);
  try {
    new URL(forwardTo);
  } catch {
    throw new CliError(`--forward-to '${forwardTo}' is not a URL (e.g. http://localhost:4000/webhooks).`);
  }
  const only = flags.events
    ? String(flags.events)
        .split(',')
        .map((e) => e.trim())
    : null;
  const { config, url } = sessionClient(flags);
  let secret = config.listen_secret;
  if (!secret) {
    secret = `whsec_${randomBytes(24).toString('hex')}`;
    writeConfig({ ...config, listen_secret: secret });
  }
  const controller = new AbortController();
  process.once('SIGINT', () => {
    controller.abort();
    console.log('\nStopped.');
    process.exit(0);
  });
  const res = await fetch(`${url}/developers/events/stream`, {
    headers: { authorization: `Bearer ${config.session_token}`, accept: 'text/event-stream' },
    signal: controller.signal,
  }).catch((err: unknown) => {
    throw new OpenDinarConnectionError(`Could not reach ${url}: ${(err as Error).message}`, { cause: err });
  });
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => ({}))) as { error_code?: string; error_message?: string };
    throw new CliError(
      `${body.error_code ?? res.status}: ${body.error_message ?? 'the event stream was refused'}`,
    );
  }
  console.log(`Ready! Your webhook signing secret is ${secret} (^C to quit)`);
  console.log(`Forwarding webhook events from ${url} to ${forwardTo}`);
  const waiting = () => {
    if (process.stdout.isTTY) process.stdout.write(`\r${time()}  Waiting for events…`);
  };
  waiting();
  const decoder = new TextDecoder();
  let buffer = '';
  const queue: Promise<void>[] = [];
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let sep = buffer.indexOf('\n\n');
    while (sep >= 0) {
      const block = buffer.slice(0, sep);
      buffer = buffer.slice(sep + 2);
      sep = buffer.indexOf('\n\n');
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (event !== 'webhook' || data.length === 0) continue;
      const body = data.join('\n');
      const parsed = JSON.parse(body) as { webhook_type: string; webhook_code: string; event_id: string };
      const type = `${parsed.webhook_type}.${parsed.webhook_code}`;
      if (only && !only.includes(type)) continue;
      queue.push(forward(forwardTo, body, secret, type, parsed.event_id).then(waiting));
    }
  }
  await Promise.all(queue);
  throw new CliError('The event stream closed (server restarting?). Run `opendinar listen` again.');
}

async function forward(
  to: string,
  body: string,
  secret: string,
  type: string,
  eventId: string,
): Promise<void> {
  const clear = process.stdout.isTTY ? '\r\x1b[K' : '';
  console.log(`${clear}${time()}  --> ${type} [${eventId}]`);
  try {
    const res = await fetch(to, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'opendinar-cli',
        'opendinar-signature': signWebhook(body, secret),
        'opendinar-event-id': eventId,
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    await res.body?.cancel().catch(() => undefined);
    console.log(`${time()}  <-- [${res.status}] POST ${to} [${eventId}]`);
  } catch (err) {
    console.log(
      `${time()}  <-- [ERR] POST ${to} [${eventId}]: ${(err as Error).cause ?? (err as Error).message}`,
    );
  }
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      'api-url': { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      environment: { type: 'string' },
      'forward-to': { type: 'string' },
      events: { type: 'string' },
      account: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || command === 'help') {
    console.log(HELP[rest[0] ?? 'main'] ?? HELP.main);
    return;
  }
  const help = HELP[command];
  if (!help || command === 'main') throw new CliError(`Unknown command '${command}'.\n\n${HELP.main}`);
  if (values.help) {
    console.log(help);
    return;
  }
  if (command === 'login') return login(values);
  if (command === 'logout') return logout(values);
  if (command === 'keys') return keys(rest, values);
  if (command === 'trigger') return trigger(rest, values);
  if (command === 'listen') return listen(values);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof OpenDinarError) {
    const hint = err.error_type === 'AUTH_ERROR' && err.status === 401 ? ' — run `opendinar login`' : '';
    console.error(`Error: ${err.error_code}: ${err.error_message}${hint} (request ${err.request_id})`);
  } else if (err instanceof CliError || err instanceof OpenDinarConnectionError) {
    console.error(`Error: ${err.message}`);
  } else if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`Error: ${(err as Error).message}\n\n${HELP.main}`);
  } else {
    console.error(err);
  }
  process.exit(1);
});

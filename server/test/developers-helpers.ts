import type { FastifyInstance } from 'fastify';

export const devAuth = (token: string) => ({ authorization: `Bearer ${token}` });

export interface Registered {
  id: string;
  email: string;
  password: string;
  token: string;
  keyId: string;
  key: string;
}

let counter = 0;

/** Registers a fresh developer through the API; each call uses its own client IP so the per-IP register limit never interferes. */
export async function registerDeveloper(
  app: FastifyInstance,
  overrides: { email?: string; password?: string; name?: string } = {},
): Promise<Registered> {
  counter += 1;
  const email = overrides.email ?? `dev${counter}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const password = overrides.password ?? 'correct horse battery';
  const res = await app.inject({
    method: 'POST',
    url: '/developers/register',
    remoteAddress: `10.9.${Math.floor(counter / 250)}.${counter % 250}`,
    payload: { email, password, name: overrides.name ?? `Dev ${counter}` },
  });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  const body = res.json();
  return {
    id: body.developer.id,
    email: body.developer.email,
    password,
    token: body.session_token,
    keyId: body.api_key.id,
    key: body.api_key.key,
  };
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// A client-sent id is echoed when it is printable ASCII and at most 128 characters.
const ACCEPTABLE = /^[\x21-\x7e]{1,128}$/;

export function requestIdFor(req: IncomingMessage): string {
  const sent = req.headers['x-request-id'];
  return typeof sent === 'string' && ACCEPTABLE.test(sent) ? sent : randomUUID();
}

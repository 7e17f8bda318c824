import type { FastifyReply } from 'fastify';

/**
 * Sends a body that is already serialised JSON (e.g. from a cache) as it is. Fastify passes a string
 * with a JSON content type through untouched; the route's typed reply would not accept a string.
 */
export function sendJsonText(reply: FastifyReply, body: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(body);
}

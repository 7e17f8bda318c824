import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { completeDocument, type RouteFacts, routeFacts } from './openapi.js';
import { renderDocsPage } from './page.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered so far (HEAD/OPTIONS twins left out), keyed "METHOD /path". */
    openApiRoutes: Map<string, RouteFacts>;
  }
}

/** sha256 of the one inline <style> swagger-ui adds to its page. */
const SWAGGER_UI_STYLE_HASH = 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';

/** OpenAPI generated from the route schemas, the people's reference at /docs, the interactive one at /docs/reference. */
export async function registerDocs(app: FastifyInstance): Promise<void> {
  const routes = new Map<string, RouteFacts>();
  app.decorate('openApiRoutes', routes);
  app.addHook('onRoute', (route) => {
    for (const facts of routeFacts(route)) routes.set(facts.key, facts);
  });
  await app.register(swagger, {
    transformObject: (documentObject) =>
      completeDocument(
        (documentObject as unknown as { openapiObject: Parameters<typeof completeDocument>[0] })
          .openapiObject,
        routes,
        app.deps.config.publicUrl,
      ) as never,
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OpenDinar API',
        version: '1.0.0',
        description: 'Open banking for Serbia: one API for Raiffeisen, Erste, AIK and more.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'od_test_sk_… or od_live_sk_… API key' },
          developerSession: {
            type: 'http',
            scheme: 'bearer',
            description: 'devses_… developer session token',
          },
        },
      },
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs/reference',
    staticCSP: true,
    // swagger-ui inserts one <style> element at run time; allow exactly that text by its hash rather
    // than 'unsafe-inline' (test/browser/docs-reference.test.ts fails if it changes on an upgrade).
    transformStaticCSP: (header) =>
      header.replace("style-src 'self' https:", `style-src 'self' https: '${SWAGGER_UI_STYLE_HASH}'`),
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  let page: string | null = null;
  app.get('/docs', { schema: { hide: true } }, async (_req, reply) => {
    page ??= renderDocsPage(app.swagger() as OpenApiDocument, app.deps.config.publicUrl);
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
      .send(page);
  });
}

export interface OpenApiDocument {
  paths?: Record<
    string,
    Record<string, { summary?: string; description?: string; tags?: string[]; hide?: boolean }>
  >;
}

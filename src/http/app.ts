import { installReportBudget } from './report-budget.js';
import { OneLinePerRequest } from './request-log.js';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { PassThrough } from 'node:stream';
import {
  jsonSchemaTransform,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { ACCESS } from '../core/access.js';
import { jobseekerInput, storedJobseeker } from '../core/jobseekers/schema.js';
import { storedVacancy, vacancyInput } from '../core/vacancies/schema.js';
import type { Services } from '../runtime/compose.js';
import { installServices } from './plugins/services.js';
import { installAudit } from './audit.js';
import { installAuth } from './auth.js';
import { WindowCounts, windowStore, type CountLink } from './window-counts.js';
import type { TrustProxy } from './trust-proxy.js';
import { installSecurityHeaders } from './security-headers.js';
import { fastSerializerCompiler } from './serializer.js';
import { errorHandler, sendError } from './errors.js';
import { installPlaceNames } from './place-names.js';
import { said } from '../core/errors.js';
import { healthRoutes } from './routes/health.js';
import { matchRoutes } from './routes/matches.js';
import { privacyRoutes } from './routes/privacy.js';
import { recordRoutes } from './routes/records.js';
import { referenceRoutes } from './routes/reference.js';
import { taxonomyRoutes } from './routes/taxonomy.js';
import { trainingRoutes } from './routes/trainings.js';
import { gapRoutes } from './routes/gaps.js';
import { adminRoutes } from './routes/admin.js';
import { auditTrailRoutes } from './routes/audit-trail.js';
import { signInMappingRoutes } from './routes/signin-mappings.js';
import { feedRoutes } from './routes/feeds.js';
import { sessionRoutes } from './routes/session.js';
import { webApp } from './web.js';
import { metricsRoutes, type MetricsAccess, type Scrape } from './routes/metrics.js';
import { installRequestTimes } from './request-times.js';
import { analyticsRoutes } from './routes/analytics.js';
import { oversightRoutes } from './routes/oversight.js';
import { aboutRoutes } from './routes/about.js';
import { transferRoutes } from './routes/transfers.js';
import { jobSuggestionRoutes } from './routes/job-suggestions.js';
import { outcomeRoutes } from './routes/outcomes.js';
import { jobSearchRoutes } from './routes/job-search.js';
import { notificationRoutes } from './routes/notifications.js';
import type { SignInProvider } from '../core/signin/providers.js';
import { discoverProviders } from './signin/providers.js';
import { personSessionResolver } from './signin/resolve.js';
import { signInRoutes } from './signin/routes.js';
import { finishingSignIn, signingOut } from './signin/use-cases.js';
import { DEFAULT_FAILED_AUTH_PER_MINUTE } from '../config.js';


export interface AppOptions {
  bodyLimit: number;
  bulkBodyLimit: number;
  /** Requests per minute per API key (per address for requests without a valid key). */
  rateLimitPerMinute: number;
  /** Refused API keys per minute per address before it waits (429). */
  failedAuthPerMinute?: number;
  /** Whose X-Forwarded-For gives the client address (KOHTAANTO_TRUST_PROXY). */
  trustProxy: TrustProxy;
  /** Headers, and then the body, each within this (ms), else 408 and the connection closed. */
  requestTimeoutMs: number;
  /** The body of a bulk route (one with the bulk body limit) within this (ms). */
  bulkRequestTimeoutMs: number;
  /** The built web app (dist/web); when it is missing, / says how to build it. */
  webDir?: string;
  /** A pino logger (the service's); tests leave it out for a silent app. */
  loggerInstance?: FastifyServerOptions['loggerInstance'];
  /**
   * Several worker processes (KOHTAANTO_WORKERS > 1): `link` carries the rate-limit counts between
   * them, `sync` catches up on the others' writes before each request (see Services.sync).
   */
  cluster?: { link: (channel: string) => CountLink; sync: () => Promise<void>; metrics?: Scrape };
  /** Who may read GET /metrics (KOHTAANTO_METRICS); loopback only when absent. */
  metrics?: MetricsAccess;
  /** Identity providers people sign in with (KOHTAANTO_SIGNIN_PROVIDERS_FILE); none: API keys only. */
  signIn?: { providers: readonly SignInProvider[] };
}

/** The HTTP API as a fastify instance; tests start it on loopback, src/cli/serve.ts listens. */
export async function buildApp(services: Services, options: AppOptions) {
  // Each provider's discovery document is read, and its mapping checked, before anything listens.
  const providers = await discoverProviders(
    options.signIn?.providers ?? [],
    async (id) => {
      const o = (await services.organisations.list()).find((organisation) => organisation.id === id);
      return o && { id: o.id, kind: o.kind, ...(o.area ? { area: o.area } : {}) };
    },
    (id) => services.signInMappings.forProvider(id),
  );
  // The providers file's mappings (checked above) are the database's start value, once per provider.
  await services.signInMappings.seed(options.signIn?.providers ?? []);
  const app = Fastify({
    ...(options.loggerInstance ? { loggerInstance: options.loggerInstance } : { logger: false }),
    logController: new OneLinePerRequest(),
    bodyLimit: options.bodyLimit,
    // A hop count as fastify itself turns it into a function (its types leave numbers out).
    trustProxy: typeof options.trustProxy === 'number' ? trustHops(options.trustProxy) : options.trustProxy,
    // A worker ending (a rolling restart: docs/operations/upgrade.md) still answers the requests of the
    // connections it accepted before it closed, instead of fastify's bare 503 (test/cli/rolling-restart.test.ts).
    return503OnClosing: false,
    // Node measures these; the longest (bulk) one is the ceiling for every request, the shorter one
    // is applied to other bodies below. Connections are checked every quarter of the timeout (Node: 30 s).
    requestTimeout: options.bulkRequestTimeoutMs,
    http: {
      requestTimeout: options.bulkRequestTimeoutMs,
      headersTimeout: options.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(5000, Math.max(250, options.requestTimeoutMs / 4)),
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(fastSerializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => sendError(request, reply, said('no_route', { method: request.method, url: request.url })));
  installServices(app, services);
  installRequestTimes(app, services.metrics);
  app.removeContentTypeParser('text/plain'); // bodies are JSON, or NDJSON on the bulk routes
  app.addContentTypeParser('application/x-ndjson', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  // Order matters: security headers on every answer (refusals too), the audit context before
  // authentication, and rate limits count per key.
  installSecurityHeaders(app);
  installPlaceNames(app);
  limitBodyTime(app, options);
  const workers = options.cluster;
  if (workers) app.addHook('onRequest', async () => workers.sync());
  installAudit(app, services.audit);
  const failedPerMinute = options.failedAuthPerMinute ?? DEFAULT_FAILED_AUTH_PER_MINUTE;
  const person = personSessionResolver(services.people, providers, (message) => app.log.warn(message));
  const sessions = {
    resolve: async (token: string) => {
      const key = await services.sessions.check(token);
      // A token is either a key's session or a person's: the person's store is asked when the key's has none.
      return 'ended' in key && key.ended === 'ended' ? person(token) : key;
    },
  };
  const { table: routeAccess, failures } = installAuth(app, services.keys, sessions, failedPerMinute, workers?.link('failed-auth'));
  installReportBudget(app, services.reportBudget);
  // CORS stays off (no cross-origin browser access).
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute,
    timeWindow: 60_000,
    store: windowStore(new WindowCounts(60_000, workers?.link('rate-limit'))),
    keyGenerator: (request) => request.principal?.keyId ?? request.ip,
    // Thrown by the plugin and answered by the error handler, in the request's language.
    errorResponseBuilder: (_request, context) =>
      Object.assign(said('requests_too_often', { max: context.max, after: context.after, wait: Math.max(1, Math.ceil(context.ttl / 1000)) }), { statusCode: 429 }),
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Kohtaanto',
        description:
          'Ranked, explained matches between jobseekers and vacancies for public employment services. ' +
          'Every /v1 route needs an API key (header Authorization: Bearer YOUR_KEY) of a role it admits; use Authorize above.',
        version: '0.1.0',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
      security: [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  const conceptLabel = (uri: string, lang: string) => services.normalizer.taxonomy.label(uri, lang);
  const fallbackLanguage = (uri: string, lang: string) => services.normalizer.taxonomy.fallbackLanguage(uri, lang);
  await app.register(healthRoutes(services));
  await app.register(referenceRoutes());
  await app.register(
    recordRoutes({
      records: services.jobseekerRecords,
      path: '/v1/jobseekers',
      tag: 'jobseekers',
      input: jobseekerInput,
      stored: storedJobseeker,
      bulkBodyLimit: options.bulkBodyLimit,
      roles: { read: ACCESS.jobseekersRead, write: ACCESS.jobseekersWrite },
      labels: conceptLabel,
      fallbackLanguage,
    }),
  );
  await app.register(
    recordRoutes({
      records: services.vacancyRecords,
      path: '/v1/vacancies',
      tag: 'vacancies',
      input: vacancyInput,
      stored: storedVacancy,
      bulkBodyLimit: options.bulkBodyLimit,
      roles: { read: ACCESS.vacanciesRead, write: ACCESS.vacanciesWrite },
      labels: conceptLabel,
      fallbackLanguage,
    }),
  );
  await app.register(matchRoutes(services));
  await app.register(privacyRoutes(services));
  await app.register(transferRoutes(services));
  await app.register(jobSuggestionRoutes(services));
  await app.register(jobSearchRoutes(services));
  await app.register(notificationRoutes(services));
  await app.register(taxonomyRoutes(services));
  await app.register(trainingRoutes(services, options.bulkBodyLimit));
  await app.register(gapRoutes(services));
  await app.register(outcomeRoutes(services, options.bulkBodyLimit));
  await app.register(analyticsRoutes(services));
  await app.register(oversightRoutes(services));
  await app.register(aboutRoutes(services));
  await app.register(adminRoutes(services));
  await app.register(signInMappingRoutes(services));
  await app.register(auditTrailRoutes(services));
  await app.register(feedRoutes(services));
  await app.register(
    sessionRoutes(services, failures, signingOut(services.sessions, services.people, providers)),
  );
  await app.register(signInRoutes(providers, finishingSignIn(providers, services.people)));
  const registry = services.metrics.registry;
  const scrape = options.cluster?.metrics ?? (async () => ({ contentType: registry.contentType, text: await registry.metrics() }));
  await app.register(metricsRoutes(options.metrics ?? { access: 'loopback' }, scrape));
  await app.register(webApp(options.webDir));
  return Object.assign(app, { routeAccess });
}

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/**
 * A body not received within `requestTimeoutMs` of the headers (a bulk route's: `bulkRequestTimeoutMs`,
 * which Node also enforces for the whole request) is answered 408 and its connection closed: a
 * client sending a byte now and then holds no connection for long.
 */
function limitBodyTime(app: FastifyInstance, options: AppOptions): void {
  if (options.requestTimeoutMs >= options.bulkRequestTimeoutMs) return; // Node's limit is the same
  app.addHook('preParsing', async (request, reply, payload) => {
    const length = request.headers['content-length'];
    const hasBody = request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
    if (!hasBody || request.routeOptions.bodyLimit > options.bodyLimit) return payload;
    const body = new PassThrough();
    const timer = setTimeout(() => {
      payload.unpipe(body);
      if (reply.sent || body.destroyed) return;
      reply.header('connection', 'close');
      const error = Object.assign(new Error(`the request body did not arrive within ${options.requestTimeoutMs / 1000} s`), { statusCode: 408 });
      // Nobody reading the body any more (the request ended otherwise): an 'error' event without a
      // listener would end the process, so it is only closed.
      if (body.listenerCount('error') > 0) body.destroy(error);
      else body.destroy();
    }, options.requestTimeoutMs);
    const stop = () => clearTimeout(timer);
    payload.once('end', stop);
    payload.once('close', stop);
    reply.raw.once('close', stop);
    payload.pipe(body);
    return body;
  });
}

export type App = Awaited<ReturnType<typeof buildApp>>;

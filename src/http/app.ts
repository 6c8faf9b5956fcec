import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Engine } from '../engine.js';
import { errorHandler } from './errors.js';
import { healthRoutes } from './routes/health.js';
import { matchRoutes } from './routes/matches.js';
import { recordRoutes } from './routes/records.js';
import { referenceRoutes } from './routes/reference.js';
import { jobseekerInput } from '../core/schemas/jobseeker.js';
import { storedJobseeker } from '../core/schemas/jobseeker.js';
import { storedVacancy, vacancyInput } from '../core/schemas/vacancy.js';

export interface AppOptions {
  bodyLimit: number;
  bulkBodyLimit: number;
  /** A pino logger (the service's); tests leave it out for a silent app. */
  loggerInstance?: FastifyServerOptions['loggerInstance'];
}

/** The HTTP API as a fastify instance; tests start it on loopback, src/cli/serve.ts listens. */
export async function buildApp(engine: Engine, options: AppOptions) {
  const app = Fastify({
    ...(options.loggerInstance ? { loggerInstance: options.loggerInstance } : { logger: false }),
    bodyLimit: options.bodyLimit,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: 'not_found', message: `no route ${request.method} ${request.url}` }),
  );
  app.removeContentTypeParser('text/plain'); // bodies are JSON, or NDJSON on the bulk routes
  app.addContentTypeParser('application/x-ndjson', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Kohtaanto',
        description: 'Ranked, explained matches between jobseekers and vacancies for public employment services.',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(healthRoutes(engine));
  await app.register(referenceRoutes());
  await app.register(
    recordRoutes({
      service: engine.jobseekers,
      path: '/v1/jobseekers',
      tag: 'jobseekers',
      input: jobseekerInput,
      stored: storedJobseeker,
      bulkBodyLimit: options.bulkBodyLimit,
    }),
  );
  await app.register(
    recordRoutes({
      service: engine.vacancies,
      path: '/v1/vacancies',
      tag: 'vacancies',
      input: vacancyInput,
      stored: storedVacancy,
      bulkBodyLimit: options.bulkBodyLimit,
    }),
  );
  await app.register(matchRoutes(engine));
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;

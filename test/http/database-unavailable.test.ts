import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { databaseUnavailable } from '../../src/core/errors.js';
import { errorHandler } from '../../src/http/errors.js';

describe('a write while no database primary is reachable', () => {
  it('is answered 503 with Retry-After, in the reader’s language, naming no host', async () => {
    const app = Fastify();
    app.setErrorHandler(errorHandler);
    app.post('/write', async () => {
      throw databaseUnavailable(7, new Error('no PostgreSQL host to use for writing (db1:5432: connect ECONNREFUSED)'));
    });
    for (const [lang, text] of [
      ['fi', /^Tietokantaan ei juuri nyt saada yhteyttä/],
      ['sv', /^Databasen kan inte nås just nu/],
      ['en', /^The database cannot be reached just now/],
    ] as const) {
      const reply = await app.inject({ method: 'POST', url: '/write', headers: { 'accept-language': lang } });
      expect(reply.statusCode).toBe(503);
      expect(reply.headers['retry-after']).toBe('7');
      expect(reply.json().error).toBe('database_unavailable');
      expect(reply.json().message).toMatch(text);
      expect(reply.body).not.toMatch(/db1|ECONNREFUSED/);
    }
    await app.close();
  });
});

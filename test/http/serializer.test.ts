import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fastSerializerCompiler } from '../../src/http/serializer.js';

describe('response serialisation (fast-json-stringify from the zod schemas)', () => {
  it('writes only declared fields, keeps numbers, nulls, optional and nested values', async () => {
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(fastSerializerCompiler);
    const hit = z.object({ id: z.string(), score: z.number(), parts: z.object({ essential: z.number().nullable() }), distanceKm: z.number().optional() });
    app.get('/x', { schema: { response: { 200: z.object({ hits: z.array(hit) }) } } }, async () => ({
      hits: [
        { id: 'V1', score: 0.8523, parts: { essential: null }, distanceKm: 12.5, name: 'Matti Meikäläinen' },
        { id: 'V2', score: 0.4, parts: { essential: 0.75 } },
      ],
      contact: 'matti@example.fi',
    }));
    const response = await app.inject({ method: 'GET', url: '/x' });
    expect(response.json()).toEqual({
      hits: [
        { id: 'V1', score: 0.8523, parts: { essential: null }, distanceKm: 12.5 },
        { id: 'V2', score: 0.4, parts: { essential: 0.75 } },
      ],
    });
    expect(response.body).not.toContain('Meikäläinen');
    expect(response.body).not.toContain('example.fi');
    await app.close();
  });
});

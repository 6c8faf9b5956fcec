import { createHash } from 'node:crypto';

/**
 * The concepts the shipped model never saw in training, in any language: the first 8 hex digits of
 * sha256(conceptUri), read as an integer, divisible by 10 (models/training/esco.py, same rule).
 */
export const isHeldOut = (uri: string) => parseInt(createHash('sha256').update(uri).digest('hex').slice(0, 8), 16) % 10 === 0;

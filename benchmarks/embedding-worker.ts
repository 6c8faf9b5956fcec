/** A worker thread of benchmarks/embedding.ts: loads the embedder it is told, embeds the texts it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { LexicalEmbedder } from '../src/adapters/embedders/lexical.js';
import { TransformersEmbedder, type TransformersModelSettings } from '../src/adapters/embedders/transformers.js';

const { kind, settings } = workerData as { kind: 'lexical' | 'transformers'; settings: TransformersModelSettings };
const embedder = kind === 'lexical' ? new LexicalEmbedder() : await TransformersEmbedder.load(settings);
await embedder.embed(Array.from({ length: 64 }, (_, i) => `warm-up text ${i}: asiakaspalvelu, kassatyö`));
parentPort!.on('message', async (texts: string[] | null) => {
  if (texts === null) {
    parentPort!.close(); // let the thread end on its own (terminating it under onnxruntime can crash)
    return;
  }
  await embedder.embed(texts);
  parentPort!.postMessage(texts.length);
});
parentPort!.postMessage('ready');

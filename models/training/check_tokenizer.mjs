// Tokenizes texts with transformers.js from the exported model directory and compares the ids
// with sentencepiece's (written by train.py): proves the exported tokenizer.json segments as the
// model was trained. Usage: node check_tokenizer.mjs MODEL_DIR SAMPLE_JSON
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';

const [modelDir, sampleFile] = process.argv.slice(2);
const { env, AutoTokenizer } = await import('@xenova/transformers');
env.allowRemoteModels = false;
env.localModelPath = `${dirname(modelDir)}/`;
const tokenizer = await AutoTokenizer.from_pretrained(basename(modelDir));
const sample = JSON.parse(readFileSync(sampleFile, 'utf8'));
let same = 0;
const differing = [];
for (const { text, ids } of sample) {
  const got = tokenizer.encode(text, null, { add_special_tokens: false });
  if (got.length === ids.length && got.every((x, i) => x === ids[i])) same++;
  else if (differing.length < 5) differing.push({ text, sentencepiece: ids, transformers: got });
}
console.log(JSON.stringify({ texts: sample.length, identical: same, differing }));

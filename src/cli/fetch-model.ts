/**
 * `npm run model:fetch`: downloads a published embedding model into KOHTAANTO_MODEL_DIR (default
 * models/) on a machine with internet access, as an alternative to the shipped
 * kohtaanto-jobs-fi-sv-en. The service itself never downloads anything: it reads the model from
 * that directory. Start it with KOHTAANTO_MODEL set to the fetched name.
 *
 *   npm run model:fetch                                   # Xenova/multilingual-e5-small, int8 + fp32
 *   KOHTAANTO_MODEL=Xenova/paraphrase-multilingual-MiniLM-L12-v2 npm run model:fetch
 */
import { loadConfig } from '../config.js';

async function main() {
  const { model: settings } = loadConfig();
  // The shipped model is not on the hub: without a hub name (owner/name), fetch the E5 model.
  const model = { ...settings, model: settings.model.includes('/') ? settings.model : 'Xenova/multilingual-e5-small' };
  const { env, pipeline } = await import('@xenova/transformers');
  env.allowRemoteModels = true;
  env.allowLocalModels = true;
  env.localModelPath = `${model.modelDir}/`;
  env.cacheDir = `${model.modelDir}/`;
  const shown = new Map<string, number>();
  const progress = (event: { status: string; file?: string; progress?: number }) => {
    if (event.status === 'progress' && event.file && event.progress !== undefined) {
      const step = Math.floor(event.progress / 10);
      if (shown.get(event.file) !== step) {
        shown.set(event.file, step);
        process.stdout.write(`  ${event.file}: ${event.progress.toFixed(0)} %\n`);
      }
    } else if (event.status === 'done' && event.file) {
      process.stdout.write(`  ${event.file}: done\n`);
    }
  };
  for (const quantized of [true, false]) {
    console.log(`Fetching ${model.model} (${quantized ? 'int8' : 'fp32'}) into ${model.modelDir} ...`);
    const extract = await pipeline('feature-extraction', model.model, { quantized, progress_callback: progress });
    const probe = await extract(['query: hitsaaja'], { pooling: 'mean', normalize: true });
    console.log(`  ok: ${probe.dims.at(-1)} dimensions`);
  }
  console.log(`Done. Start the service with KOHTAANTO_MODEL_DIR=${model.modelDir} KOHTAANTO_MODEL=${model.model} `);
}

main().catch((error) => {
  console.error(`model:fetch failed: ${error instanceof Error ? error.message : error}`);
  console.error('It needs access to huggingface.co. Copy the model directory from a connected machine otherwise.');
  process.exit(1);
});

import { readFileSync } from 'node:fs';
const { env, AutoTokenizer, AutoModel, mean_pooling } = await import('@xenova/transformers');
env.allowRemoteModels = false; env.localModelPath = '/tmp/';
const docs = readFileSync('fixtures/vacancies.ndjson','utf8').trim().split('\n').map(l=>{const v=JSON.parse(l);return `${v.title}\n${v.skills.join(', ')}\n${v.description}`});
const tok = await AutoTokenizer.from_pretrained('m4000');
const model = await AutoModel.from_pretrained('m4000',{quantized:false});
let tt=0, tm=0, tp=0;
for (let i=0;i<512;i+=16) {
  let t0=performance.now();
  const inp = tok(docs.slice(i,i+16),{padding:true,truncation:true});
  let t1=performance.now();
  const out = await model(inp);
  let t2=performance.now();
  const p = mean_pooling(out.last_hidden_state, inp.attention_mask).normalize(2,-1);
  let t3=performance.now();
  tt+=t1-t0; tm+=t2-t1; tp+=t3-t2;
}
console.log('per doc ms: tokenize', tt/512, 'model', tm/512, 'pool', tp/512);

#!/usr/bin/python3
"""Trains Kohtaanto's cross-lingual job-language model: `npm run model:train`.

Static embeddings: a sentencepiece unigram vocabulary, one learned vector per piece, a text's
vector is the normalised sum of its pieces' vectors. Trained contrastively (in-batch negatives,
both directions) on ESCO labels across fi/sv/en, English alternative labels, descriptions,
occupations with their essential skills, and FreeDict dictionary pairs and glosses. Seeded and
deterministic on one machine; see models/README.md for data, licences and figures.

Needs Debian's packages (installed when run as root):
  python3-torch python3-sentencepiece python3-onnx libopenblas0-pthread dict-freedict-{fin-eng,...}
"""
import argparse
import io
import json
import os
import random
import shutil
import subprocess
import sys
import time

APT = ["python3-torch", "python3-sentencepiece", "python3-onnx", "python3-numpy", "libopenblas0-pthread"] + [
    f"dict-freedict-{p}" for p in ("fin-eng", "eng-fin", "fin-swe", "swe-fin", "swe-eng", "eng-swe")
]
HERE = os.path.dirname(os.path.abspath(__file__))


def ensure_packages():
    missing = [p for p in APT if subprocess.run(["dpkg", "-s", p], capture_output=True).returncode != 0]
    if not missing:
        return
    if os.geteuid() != 0:
        sys.exit("model:train needs Debian packages: sudo apt-get install -y " + " ".join(missing))
    print("installing " + " ".join(missing), flush=True)
    subprocess.run(["apt-get", "update", "-q"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-q"] + missing, check=True)


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--esco", default=os.path.join(HERE, "..", "..", "..", "shared", "esco"))
    p.add_argument("--out", default=os.path.join(HERE, "..", "kohtaanto-jobs-fi-sv-en"))
    p.add_argument("--vocab", type=int, default=32000)
    p.add_argument("--dim", type=int, default=256)
    p.add_argument("--steps", type=int, default=8000)
    p.add_argument("--batch", type=int, default=1024)
    p.add_argument("--lr", type=float, default=0.02)
    p.add_argument("--scale", type=float, default=20.0)
    p.add_argument("--seed", type=int, default=20261123)
    p.add_argument("--weights", default="labels=0.45,translations=0.25,glosses=0.06,descriptions=0.1,occupation_skills=0.14")
    return p.parse_args()


def tokenizer_check(sp, texts, concepts, out, rng):
    """Runs check_tokenizer.mjs on training texts, held-out labels and raw vacancy texts."""
    import tempfile

    held = [l for c in concepts.values() if c.held_out for l in c.labels.values()]
    raw = []
    with open(os.path.join(HERE, "..", "..", "fixtures", "vacancies.ndjson"), encoding="utf-8") as f:
        for line in f:
            v = json.loads(line)
            raw.append(f"{v['title']}\n{', '.join(v['skills'])}\n{v['description']}")
    picked = [texts[i] for i in rng.choice(len(texts), 3000, replace=False)] + held[:1000] + raw[:500]
    # sentencepiece is fed normalised text; tokenizer.json normalises itself (NFKC, lower case, spaces).
    import esco

    sample = [{"text": t, "ids": sp.encode(esco.normalise(t))} for t in picked]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(sample, f, ensure_ascii=False)
    try:
        run = subprocess.run(["node", os.path.join(HERE, "check_tokenizer.mjs"), os.path.abspath(out), f.name],
                             capture_output=True, text=True, cwd=os.path.join(HERE, "..", ".."))
        if run.returncode != 0:
            sys.exit(f"check_tokenizer.mjs failed: {run.stderr[-2000:]}")
        return json.loads(run.stdout.strip().splitlines()[-1])
    finally:
        os.unlink(f.name)


def main():
    ensure_packages()
    args = parse_args()
    sys.path.insert(0, HERE)
    import numpy as np
    import sentencepiece as spm
    import torch

    import dictionaries
    import esco
    import evaluate
    import export
    import pairs

    torch.set_num_threads(2)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    rng = np.random.default_rng(args.seed)
    started = time.time()
    log = lambda msg: print(f"[{time.time() - started:6.0f} s] {msg}", flush=True)

    concepts = esco.load(args.esco)
    essential = esco.essential_skills(args.esco)
    kinds, banned = pairs.build(concepts, essential, dictionaries.load(esco.normalise), args.seed)
    held = sum(c.held_out for c in concepts.values())
    log(f"{len(concepts)} concepts ({held} held out); pairs: " + ", ".join(f"{k} {len(v)}" for k, v in kinds.items()))

    texts = sorted({t for ps in kinds.values() for a, b, _ in ps for t in (a, b)})
    model_file = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(texts), model_writer=model_file, vocab_size=args.vocab, model_type="unigram",
        character_coverage=0.9995, normalization_rule_name="identity", remove_extra_whitespaces=True,
        unk_id=0, pad_id=1, bos_id=-1, eos_id=-1, num_threads=2, max_sentencepiece_length=16,
        split_digits=True, minloglevel=2,
    )
    sp = spm.SentencePieceProcessor(model_proto=model_file.getvalue())
    log(f"vocabulary: {sp.get_piece_size()} pieces from {len(texts)} texts")

    text_id = {t: i for i, t in enumerate(texts)}
    tokens = [np.array(ids, dtype=np.int64) for ids in sp.encode(texts)]
    groups = {}
    table = {}
    for kind, ps in kinds.items():
        table[kind] = np.array([(text_id[a], text_id[b], groups.setdefault(g, len(groups))) for a, b, g in ps], dtype=np.int64)
    weights = dict((k, float(v)) for k, v in (kv.split("=") for kv in args.weights.split(",")))
    kind_names = [k for k in table if weights.get(k, 0) > 0 and len(table[k])]
    kind_p = np.array([weights[k] for k in kind_names])
    kind_p /= kind_p.sum()

    bag = torch.nn.EmbeddingBag(sp.get_piece_size(), args.dim, mode="sum", sparse=True)
    torch.nn.init.normal_(bag.weight, std=0.1)
    optimiser = torch.optim.SparseAdam(bag.parameters(), lr=args.lr)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min(1.0, (s + 1) / 200) * max(0.02, 1 - s / args.steps))

    def embed_ids(ids):
        flat = torch.from_numpy(np.concatenate([tokens[i] for i in ids]))
        offsets = torch.from_numpy(np.cumsum([0] + [len(tokens[i]) for i in ids[:-1]]))
        return torch.nn.functional.normalize(bag(flat, offsets), dim=-1)

    def sample():
        counts = rng.multinomial(args.batch, kind_p)
        rows = [table[k][rng.integers(0, len(table[k]), n)] for k, n in zip(kind_names, counts) if n]
        return np.concatenate(rows)

    diagonal = torch.arange(args.batch)
    for step in range(args.steps):
        batch = sample()
        a, b = embed_ids(batch[:, 0]), embed_ids(batch[:, 1])
        sim = a @ b.T * args.scale
        g, ta, tb = (torch.from_numpy(batch[:, i]) for i in (2, 0, 1))
        clash = (g[:, None] == g[None, :]) | (ta[:, None] == ta[None, :]) | (tb[:, None] == tb[None, :])
        clash[diagonal, diagonal] = False
        sim = sim.masked_fill(clash, -1e4)
        loss = (torch.nn.functional.cross_entropy(sim, diagonal) + torch.nn.functional.cross_entropy(sim.T, diagonal)) / 2
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        schedule.step()
        if step % 500 == 0 or step == args.steps - 1:
            log(f"step {step}/{args.steps} loss {loss.item():.3f}")

    vectors = bag.weight.detach().numpy().copy()
    vectors[sp.pad_id()] = 0
    embed_texts = lambda ts: evaluate.embed(sp, vectors, ts)
    figures = evaluate.held_out(concepts, embed_texts)
    for name, f in figures.items():
        log(f"held-out {name}: R@1 {f['r1']:.3f} R@10 {f['r10']:.3f} MRR {f['mrr']:.3f} (n={f['n']})")
    card = {
        "name": os.path.basename(os.path.abspath(args.out)),
        "kind": "static sentencepiece embeddings (sum of piece vectors, L2-normalised)",
        "languages": ["fi", "sv", "en"],
        "held_out_rule": "int(sha256(conceptUri)[:8], 16) % 10 == 0 (occupations and skills)",
        "hyper_parameters": {k: v for k, v in vars(args).items() if k not in ("esco", "out")},
        "pairs": {k: len(v) for k, v in kinds.items()},
        "training_seconds": round(time.time() - started),
        "held_out_figures_python": figures,
    }
    if os.path.isdir(args.out):
        shutil.rmtree(args.out)
    export.write(args.out, sp, vectors, card)
    log(f"wrote {args.out}")
    check = tokenizer_check(sp, texts, concepts, args.out, rng)
    log(f"tokenizer.json in transformers.js against sentencepiece: {check['identical']}/{check['texts']} texts identical")
    if check["identical"] != check["texts"]:
        sys.exit(f"tokenizer mismatch: {json.dumps(check['differing'], ensure_ascii=False)[:2000]}")


if __name__ == "__main__":
    main()

"""Held-out retrieval figures during training (the benchmark, benchmarks/model.ts, is the reference)."""
import numpy as np

TASKS = (("fi", "en"), ("sv", "en"), ("fi", "sv"), ("sv", "fi"), ("alt", "en"))


def embed(sp, vectors, texts):
    out = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
    for i, ids in enumerate(sp.encode(texts)):
        v = vectors[ids].sum(axis=0)
        out[i] = v / (np.linalg.norm(v) or 1.0)
    return out


def retrieval(queries, targets, gallery, embed_texts):
    q = embed_texts(queries)
    g = embed_texts(gallery)
    sims = q @ g.T
    correct = sims[np.arange(len(queries)), targets]
    ranks = (sims > correct[:, None]).sum(axis=1) + 1
    return {"n": len(queries), "r1": float((ranks <= 1).mean()), "r10": float((ranks <= 10).mean()), "mrr": float((1 / ranks).mean())}


def held_out(concepts, embed_texts):
    figures = {}
    for kind in ("occupation", "skill"):
        held = [c for c in concepts.values() if c.kind == kind and c.held_out]
        for src, dst in TASKS:
            gallery_concepts = [c for c in held if dst in c.labels]
            gallery = [c.labels[dst] for c in gallery_concepts]
            position = {c.uri: i for i, c in enumerate(gallery_concepts)}
            queries, targets = [], []
            for c in gallery_concepts:
                texts = c.alt if src == "alt" else [c.labels[src]] if src in c.labels else []
                for t in texts:
                    queries.append(t)
                    targets.append(position[c.uri])
            figures[f"{kind} {src}->{dst}"] = retrieval(queries, np.array(targets), gallery, embed_texts)
    return figures

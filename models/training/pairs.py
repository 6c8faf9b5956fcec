"""Training pairs, by kind. Every pair is (text_a, text_b, group): texts of one group are never
used as each other's negatives. No pair touches a held-out concept's label in any language."""
import random

LANG_PAIRS = (("fi", "en"), ("sv", "en"), ("fi", "sv"))


def held_out_texts(concepts):
    texts = set()
    for c in concepts.values():
        if c.held_out:
            texts.update(c.labels.values())
            texts.update(c.alt)
    return texts


def concept_labels(concepts, rng, max_alt=8):
    """Preferred labels across languages, and English alternative labels with every language."""
    out = []
    for c in concepts.values():
        if c.held_out:
            continue
        g = c.uri
        for a, b in LANG_PAIRS:
            if a in c.labels and b in c.labels and c.labels[a] != c.labels[b]:
                out.append((c.labels[a], c.labels[b], g))
        alts = c.alt if len(c.alt) <= max_alt else rng.sample(c.alt, max_alt)
        for alt in alts:
            for lang in ("en", "fi", "sv"):
                if lang in c.labels:
                    out.append((alt, c.labels[lang], g))
    return out


def descriptions(concepts, rng):
    """An English description with the concept's label in each language (first two sentences)."""
    out = []
    for c in concepts.values():
        if c.held_out or not c.description:
            continue
        text = " ".join(c.description.split(". ")[:2]).lower()
        for lang, label in c.labels.items():
            out.append((text, label, c.uri))
    return out


def occupation_skills(concepts, essential, rng, samples=4):
    """An occupation's label with a few of its essential skills, as a CV lists them."""
    out = []
    for c in concepts.values():
        if c.kind != "occupation" or c.held_out:
            continue
        skills = [concepts[s] for s in essential.get(c.uri, []) if s in concepts and not concepts[s].held_out]
        if len(skills) < 2:
            continue
        for _ in range(samples):
            lang = rng.choice(("en", "fi", "sv"))
            picked = rng.sample(skills, min(len(skills), rng.randint(2, 4)))
            text = ", ".join(s.labels.get(lang, s.labels.get("en", "")) for s in picked)
            label_lang = rng.choice(("en", "fi", "sv"))
            if label_lang in c.labels:
                out.append((c.labels[label_lang], text, c.uri))
    return out


def dictionary(entries, kind):
    return [(a, b, "dict:" + min(a, b)) for _, a, _, b, k in entries if k == kind]


def build(concepts, essential, dict_entries, seed):
    rng = random.Random(seed)
    banned = held_out_texts(concepts)
    kinds = {
        "labels": concept_labels(concepts, rng),
        "descriptions": descriptions(concepts, rng),
        "occupation_skills": occupation_skills(concepts, essential, rng),
        "translations": dictionary(dict_entries, "translation"),
        "glosses": dictionary(dict_entries, "gloss"),
    }
    for name, pairs in kinds.items():
        kinds[name] = [p for p in pairs if p[0] not in banned and p[1] not in banned]
    return kinds, banned

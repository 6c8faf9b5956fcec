"""ESCO concepts with their labels in English, Finnish and Swedish, and the held-out split.

Reads the official ESCO CSV export layout from ../shared/esco (or --esco). A concept is held out
when the first 8 hex digits of sha256(conceptUri), read as an integer, are divisible by 10: a fixed
~10 % of occupations and skills that the model never sees in any language. The benchmark
(benchmarks/model.ts) applies the same rule.
"""
import csv
import hashlib
import os
import unicodedata

KINDS = {
    "occupation": "occupations_{}.csv",
    "skill": "skills_{}.csv",
    "isco": "ISCOGroups_{}.csv",
}
LANGS = ("en", "fi", "sv")


def normalise(text):
    """What the tokenizer sees: NFKC, lower case, single spaces (tokenizer.json does the same)."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def held_out(uri):
    return int(hashlib.sha256(uri.encode("utf-8")).hexdigest()[:8], 16) % 10 == 0


class Concept:
    __slots__ = ("uri", "kind", "labels", "alt", "description", "held_out")

    def __init__(self, uri, kind):
        self.uri, self.kind = uri, kind
        self.labels = {}  # lang -> preferred label (normalised)
        self.alt = []  # English alternative labels (normalised)
        self.description = ""
        self.held_out = kind != "isco" and held_out(uri)


def load(esco_dir):
    concepts = {}
    csv.field_size_limit(1 << 24)
    for kind, pattern in KINDS.items():
        for lang in LANGS:
            path = os.path.join(esco_dir, pattern.format(lang))
            with open(path, encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    uri = row["conceptUri"]
                    concept = concepts.setdefault(uri, Concept(uri, kind))
                    label = normalise(row.get("preferredLabel") or "")
                    if label:
                        concept.labels[lang] = label
                    if lang == "en":
                        alts = [normalise(a) for a in (row.get("altLabels") or "").split("\n")]
                        concept.alt = [a for a in dict.fromkeys(alts) if a and a != label]
                        concept.description = " ".join((row.get("description") or "").split())
    return concepts


def essential_skills(esco_dir):
    """occupationUri -> [skillUri] of its essential skills."""
    out = {}
    with open(os.path.join(esco_dir, "occupationSkillRelations.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["relationType"] == "essential":
                out.setdefault(row["occupationUri"], []).append(row["skillUri"])
    return out

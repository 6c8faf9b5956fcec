"""FreeDict bilingual dictionaries (dictd format, Debian's dict-freedict-* packages).

Each entry is a headword line ("hitsaaja /hˈitsaːja/ <n>"), then either one line of
comma-separated translations or numbered senses ("1. cook, chef"), each optionally followed by
a gloss line in the source language ("henkilö, joka hitsaa ammatikseen").
"""
import gzip
import os
import re

DICT_DIR = "/usr/share/dictd"
PAIRS = ("fin-eng", "eng-fin", "fin-swe", "swe-fin", "swe-eng", "eng-swe")
CODES = {"fin": "fi", "swe": "sv", "eng": "en"}
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
SENSE = re.compile(r"^\s*\d+\.\s*")
TRAILING_SENSE = re.compile(r"\s+\d+\.\s*$")
HEAD = re.compile(r"^(.*?)\s*(/.*|<.*)?$")


def _b64(s):
    n = 0
    for c in s:
        n = n * 64 + B64.index(c)
    return n


def _usable(phrase):
    words = phrase.split()
    return 0 < len(words) <= 5 and len(phrase) <= 60 and not re.search(r"[0-9\[\]{}=]", phrase)


def entries(name):
    """Yields (headword, [translations], [glosses]) of one dictionary."""
    data = gzip.open(os.path.join(DICT_DIR, f"freedict-{name}.dict.dz")).read()
    with open(os.path.join(DICT_DIR, f"freedict-{name}.index"), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or parts[0].startswith("00database"):
                continue
            text = data[_b64(parts[1]) : _b64(parts[1]) + _b64(parts[2])].decode("utf-8", "replace")
            lines = [l for l in text.split("\n") if l.strip()]
            if len(lines) < 2:
                continue
            head = HEAD.match(lines[0]).group(1).strip()
            body = lines[1:]
            numbered = [i for i, l in enumerate(body) if SENSE.match(l)]
            translation_lines = [body[i] for i in numbered] if numbered else [body[0]]
            glosses = [l.strip() for i, l in enumerate(body) if l not in translation_lines and i > 0]
            translations = []
            for l in translation_lines:
                l = TRAILING_SENSE.sub("", SENSE.sub("", l))
                translations += [t.strip() for t in re.split(r"[,;]", l)]
            yield head, [t for t in translations if _usable(t)], glosses


def load(normalise):
    """[(lang_a, text_a, lang_b, text_b, kind)] with kind 'translation' or 'gloss'."""
    out = []
    for name in PAIRS:
        if not os.path.exists(os.path.join(DICT_DIR, f"freedict-{name}.index")):
            raise SystemExit(f"missing dictionary {name}: apt-get install dict-freedict-{name}")
        src, dst = (CODES[c] for c in name.split("-"))
        for head, translations, glosses in entries(name):
            head = normalise(head)
            if not _usable(head):
                continue
            for t in translations:
                t = normalise(t)
                if t and t != head:
                    out.append((src, head, dst, t, "translation"))
            for g in glosses[:2]:
                g = normalise(g)
                if 2 <= len(g.split()) <= 30:
                    out.append((src, g, src, head, "gloss"))
    return out

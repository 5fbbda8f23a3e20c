#!/usr/bin/env python3
"""Writes the preset dictionaries of share links: src/format/dictionary-c2.txt
for `c2` (deflate), or with `c3` the two of `c3` (PPMd), one per language.

Run once, when the tag was made; kept to show how the bytes were chosen and
to start from for a later tag. The file it wrote is FROZEN, so the script
refuses to run while it exists (the app's texts change; the dictionary must
not).

What goes in, farthest first (deflate reaches near bytes more cheaply, and
French is what most charters are written in):
  1. the app's own English texts: every label, prompt, hint, help text and
     option of the four questions (src/charter/questions.rs), then the
     English example charter (bench/corpus/06-full-example-en);
  2. the same in French (questions, then 05-full-example-fr);
  3. the whole `c1` dictionary, unchanged: domain words, choice keys and the
     JSON skeleton of a charter, with the note fields at the very end.
The charters of the benchmark corpus are not used, so that the benchmark
measures the dictionary on texts it has not seen; 08-half-fr-held-out was
written before this dictionary was chosen, as a check of that.
"""
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "src/format/dictionary-c2.txt"
PAIR = re.compile(r't\(\s*"((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)",?\s*\)', re.S)
SKIP = {"id", "type", "source", "kind", "content_lang", "origin", "sponsor_status",
        "superior", "status", "relation", "problems", "benefits"}
HEADER = """\
# Preset deflate dictionary of share links tagged `c2` (see link.rs).
#
# FROZEN: links already sent by e-mail decode with exactly these bytes.
# Never edit, reorder or reformat this file, not even a space. A better
# dictionary goes in a new file under a new tag (c3, ...), and c2 keeps
# decoding with this one forever. The test `dictionary_c2_is_frozen`
# pins its length and checksum.
#
# Same rules as c1: lines starting with '#' and empty lines are skipped;
# every other line loses its trailing blanks and the rest are joined with
# nothing in between (a leading space is kept and separates words).
# Written by bench/make_dictionary.py; see that script for what is in it.
# The most frequent strings come last: the English texts of the app, then
# the French ones, then the whole c1 dictionary.
"""


def unescape(text):
    return (text.replace("\\n", " ").replace('\\"', '"').replace("\\'", "'")
            .replace("\\\\", "\\"))


def question_texts():
    source = (ROOT / "src/charter/questions.rs").read_text(encoding="utf-8")
    pairs = PAIR.findall(source)
    return [unescape(fr) for fr, _ in pairs], [unescape(en) for _, en in pairs]


def example_texts(name):
    charter = json.loads((ROOT / "bench/corpus" / f"{name}.coplanifier.json")
                         .read_text(encoding="utf-8"))["charter"]
    found = []

    def walk(value, key=None):
        if key in SKIP:
            return
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and value.strip():
            found.append(" ".join(value.split()))

    walk(charter)
    return found


def c1_body():
    lines = (ROOT / "src/format/dictionary-c1.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def section(title, texts):
    seen, lines = set(), [f"# {title}"]
    for text in texts:
        if text not in seen:
            seen.add(text)
            lines.append(" " + text)
    return lines


C3_HEADER = """\
# The text that primes the PPMd model of `c3` links written in {lang} (see
# format/c3.rs and docs/FORMAT.md, section 6).
#
# FROZEN: links already sent decode with exactly these bytes. Never edit,
# reorder or reformat this file. A better one goes under a new tag. The test
# `the_c3_dictionaries_are_frozen` pins its length and checksum.
#
# Lines starting with '#' and empty lines are skipped; every other line is
# one text, and the texts are joined with a NUL byte between them, the way a
# c3 link joins the texts typed in a charter.
# Written by `bench/make_dictionary.py c3`: the app's own texts in this
# language (every label, prompt, hint, help text, option and column of the
# five questions), then the example charter's.
"""


def c3_texts(lang):
    found, seen = [], set()
    for source in ("src/charter/questions.rs", "src/charter/example.rs"):
        text = (ROOT / source).read_text(encoding="utf-8")
        for fr, en in PAIR.findall(text):
            t = unescape(fr if lang == "fr" else en).strip()
            if t and t not in seen:
                seen.add(t)
                found.append(t)
    return found


def main_c3():
    for lang, name in (("fr", "French"), ("en", "English")):
        out = ROOT / f"src/format/dictionary-c3-{lang}.txt"
        if out.exists():
            raise SystemExit(f"{out.relative_to(ROOT)} exists and is frozen: every c3 link "
                             "sent depends on it. Write a new tag's dictionary instead.")
        texts = c3_texts(lang)
        out.write_text(C3_HEADER.format(lang=name) + "\n" + "\n".join(texts) + "\n",
                       encoding="utf-8")
        print(f"{out.relative_to(ROOT)}: {len(texts)} texts, "
              f"{len(chr(0).join(texts).encode())} bytes")


def main():
    import sys
    if sys.argv[1:] == ["c3"]:
        return main_c3()
    if OUT.exists():
        raise SystemExit(f"{OUT.relative_to(ROOT)} exists and is frozen: every c2 link sent "
                         "depends on it. Write a new tag's dictionary to a new file instead.")
    q_fr, q_en = question_texts()
    lines = [HEADER]
    lines += section("English: the four questions", q_en)
    lines += section("English: the example charter", example_texts("06-full-example-en"))
    lines += section("French: the four questions", q_fr)
    lines += section("French: the example charter", example_texts("05-full-example-fr"))
    lines += ["# The c1 dictionary, unchanged"] + c1_body()
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    body = b"".join(l.rstrip().encode() for l in lines[1:] if l.strip() and not l.startswith("#"))
    print(f"{OUT.relative_to(ROOT)}: {len(body)} bytes")


if __name__ == "__main__":
    main()

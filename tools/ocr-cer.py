#!/usr/bin/env python3
"""Character error rate of OCR against a page's own text layer: both sides lose whitespace (layout differs, words do
not), then CER = Levenshtein distance / reference length. Usage: ocr-cer.py REFERENCE.txt OCR.txt"""
import sys, unicodedata

def normalize(text):
    text = unicodedata.normalize("NFKC", text)
    # Bullets and the private-use glyphs of symbol fonts are not text either side can be held to.
    return "".join(c for c in text if not c.isspace() and c not in "•\u2022\uf0b7" and not "\ue000" <= c <= "\uf8ff")

def distance(a, b):
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]

reference = normalize(open(sys.argv[1], encoding="utf-8").read())
ocr = normalize(open(sys.argv[2], encoding="utf-8").read())
print(f"{distance(reference, ocr) / max(1, len(reference)):.4f} {len(reference)}")

#!/usr/bin/env python3
"""OCR output against the true text of a page or passage, two ways:
- CER: both sides lose whitespace (line breaks and layout differ, letters do not), then Levenshtein distance /
  reference length. Sensitive to reading order: a table read row by row instead of column by column counts as errors.
- Order-free WER: both sides as multisets of words (a Han character is a word, Chinese has no spaces), case-folded;
  max(reference words not read, read words not in the reference) / reference words. The same letters misread count
  as in a word error rate; the order in which columns, headers and table cells come back does not count at all.
Usage: ocr-cer.py REFERENCE.txt OCR.txt  ->  "CER REFERENCE_CHARS ORDER_FREE_WER REFERENCE_WORDS" """
import re, sys, unicodedata
from collections import Counter

def clean(text):
    text = unicodedata.normalize("NFKC", text)
    # Bullets and the private-use glyphs of symbol fonts are not text either side can be held to.
    # Bidi marks (U+200E, U+200F) that Tesseract puts around embedded Latin in Arabic are format characters, not text.
    return "".join(c for c in text if c not in "•\u2022\uf0b7" and not "\ue000" <= c <= "\uf8ff"
                   and unicodedata.category(c) != "Cf")

def characters(text):
    return "".join(c for c in clean(text) if not c.isspace())

def words(text):
    # Han characters and CJK punctuation one by one, other scripts by runs of letters and digits.
    return Counter(re.findall(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W_]+", clean(text).casefold()))

def distance(a, b):
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]

reference_text = open(sys.argv[1], encoding="utf-8").read()
ocr_text = open(sys.argv[2], encoding="utf-8").read()
reference, ocr = characters(reference_text), characters(ocr_text)
reference_words, ocr_words = words(reference_text), words(ocr_text)
total = max(1, sum(reference_words.values()))
order_free = max(sum((reference_words - ocr_words).values()), sum((ocr_words - reference_words).values())) / total
print(f"{distance(reference, ocr) / max(1, len(reference)):.4f} {len(reference)} {order_free:.4f} {total}")

#!/usr/bin/env python3
"""A prose passage of a plain-text document whose true text is therefore known, to be rendered to an image and OCR'd
(tools/bench-ocr.sh). Paragraphs (blank-line separated) are joined into single lines and taken from START (a share of
the file, past covers and tables of contents) while they are prose: mostly letters, at least 120 characters, not a
run of dots. Stops past ABOUT characters. Lines may be restricted to a prefix (the Arabic half of the NCA control list
is the lines starting "AR: ").
Usage: ocr-passage.py FILE START ABOUT [PREFIX] > passage.txt"""
import re, sys

path, start, about = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
prefix = sys.argv[4] if len(sys.argv) > 4 else None
text = open(path, encoding="utf-8").read()
if prefix:
    text = "\n\n".join(line[len(prefix):] for line in text.splitlines() if line.startswith(prefix))
paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
# A line break inside Chinese text is not a space.
paragraphs = [re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])", "", p) for p in paragraphs]

def is_prose(p):
    letters = sum(c.isalpha() for c in p)
    return len(p) >= 120 and letters / len(p) > 0.75 and "...." not in p and "…" not in p

taken, length = [], 0
for p in paragraphs[int(len(paragraphs) * start):]:
    if is_prose(p):
        taken.append(p)
        length += len(p)
        if length >= about:
            break
print("\n\n".join(taken))

#!/usr/bin/env python3
"""Fills every message of a .ts with a pseudo-translation: "⟦" + the source lengthened by
doubling its vowels (about 40% longer, like German or Spanish) + "⟧".

Placeholders (%1, %L1, %n), &-mnemonics, rich-text tags and entities stay intact, so a window
running on it still works; any text without the brackets never went through tr(), and a widget
that clips the longer text shows where a translation will not fit.

Usage: pseudo_translate.py IN.ts OUT.ts
"""
import re
import sys
import xml.etree.ElementTree as ET

# What must reach the screen unchanged; everything else gets its vowels doubled.
PROTECTED = re.compile(r"%L?\d+|%n|<[^>]*>|&[A-Za-z#0-9]+;|&&|&.|\\.")
VOWELS = re.compile(r"([aeiouyAEIOUY])")


def pseudo(text):
    parts, last = [], 0
    for match in PROTECTED.finditer(text):
        parts.append(VOWELS.sub(r"\1\1", text[last:match.start()]))
        parts.append(match.group(0))
        last = match.end()
    parts.append(VOWELS.sub(r"\1\1", text[last:]))
    return "⟦" + "".join(parts) + "⟧"


def main(source_path, target_path):
    tree = ET.parse(source_path)
    for message in tree.getroot().iter("message"):
        text = pseudo(message.findtext("source") or "")
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        forms = translation.findall("numerusform")
        if forms:
            # "%n change(s)": the first form singular, the others plural, as a real language.
            for index, form in enumerate(forms):
                form.text = text.replace("(s)", "" if index == 0 else "s")
        else:
            translation.text = text
    with open(target_path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])

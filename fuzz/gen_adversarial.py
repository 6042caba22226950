#!/usr/bin/env python3
"""Seed inputs that once made a check slow or crash (issue 18), written to a fuzz corpus folder.

    python3 fuzz/gen_adversarial.py DIR [MAX_BYTES]

Each input grows one of the paths that cost more than in proportion to the text: one long word
(the loan search recursed once per letter), one long capitalised word (name variants), many
quotations in one sentence or paragraph, unclosed quotations, a quotation reopened over many
paragraphs, many figures in one sentence, and a long line of noisy prose with many findings.
Generated rather than committed: each is up to MAX_BYTES (default 65536, run.sh's -max_len).
The first byte is the targets' format and language byte: 0x00 Markdown with the language
detected, 0x01 plain text, 0x83 plain text in Indonesian, fixed until stable.
"""

import sys
from pathlib import Path


def fill(unit, limit, head="", tail="\n"):
    """`head`, then as many `unit`s as fit in `limit` bytes, then `tail`."""
    size = len(unit.encode())
    room = limit - len(head.encode()) - len(tail.encode()) - 1
    return head + unit * max(1, room // size) + tail


def inputs(limit):
    yield "long-lower-word", "\x00", fill("a", limit)
    yield "long-lower-word-ha", "\x83", fill("ha", limit)
    yield "long-capitalised-word", "\x00", fill("ba", limit, "Polisi menangkap Ba", " kemarin.\n")
    yield "straight-quotes-one-sentence", "\x00", fill('"kata "', limit)
    yield "curly-quotes-one-sentence", "\x00", fill("“kata ” ", limit)
    yield "closed-quotes-one-paragraph", "\x01", fill("“Kami sudah siap sejak pagi.” ", limit, "Hujan turun. ")
    yield "unclosed-quotes", "\x00", fill("“kata ", limit)
    yield "unclosed-quotes-attributed", "\x83", fill("“Kami siap, katanya. ", limit)
    yield "reopened-over-paragraphs", "\x00", fill("“Kami sudah siap sejak pagi.\n\n", limit, "Budi berkata, ", "“Selesai,” katanya.\n")
    yield "figures-one-sentence", "\x00", fill("7 orang tewas, ", limit, "Sebanyak 42 korban, terdiri atas ", "dan 3 orang hilang.\n")
    yield "figures-filler-one-sentence", "\x83", fill("sebanyak 12 orang tewas di Desa Sukamaju dan 30 rumah rusak berat serta ", limit, "Pada Senin di Kabupaten Sleman, ", "menurut polisi.\n")
    yield "money-one-sentence", "\x00", fill("Rp 12 miliar dan ", limit, "Kerugian negara mencapai ", "Rp 3 miliar.\n")
    yield "noisy-one-line", "\x00", fill("Polisi datang ke lokasi , kata dia . Warga mengeluhkan pemerinatah yang lambat lambat . ", limit)
    yield "fix-flips-language", "\x83", "4,5 by by\n"


def main():
    out = Path(sys.argv[1])
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 65536
    out.mkdir(parents=True, exist_ok=True)
    for name, lead, text in inputs(limit - 1):
        (out / f"adversarial-{name}").write_bytes(lead.encode("latin-1") + text.encode())


if __name__ == "__main__":
    main()

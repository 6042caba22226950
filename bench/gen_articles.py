#!/usr/bin/env python3
"""News-like benchmark articles in Indonesian or English, made up from templates and word lists.

The benchmarks must not depend on the evaluation corpus, so this builds articles of the same
kind: a headline, a dateline, paragraphs of two to five sentences with officials and places
(names made from syllables, so most are unknown to the dictionaries, as in real news), figures,
dates, times, quotations with attribution, and now and then a slip a copyeditor would catch
(a swapped or dropped letter, a space before a comma, a doubled word). The vocabulary is
the everyday news vocabulary below plus stems drawn from the project's own dictionaries
(dict/*.dic), so the long tail of rarer words is there too. Deterministic for a given seed.

    python3 bench/gen_articles.py --lang id --words 2000            # one article to stdout
    python3 bench/gen_articles.py --lang en --words 800 --count 500 --out DIR   # DIR/en-0000.md ...
    python3 bench/gen_articles.py --lang id --words 600 --count 3000 --jsonl   # {"id","text","language"} lines

Only the Python standard library is needed.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Indonesian place names, the same in both languages' copy.
PLACES = ["Jakarta", "Surabaya", "Bandung", "Medan", "Makassar", "Semarang", "Palembang",
          "Denpasar", "Kupang", "Jayapura", "Pontianak", "Balikpapan", "Yogyakarta", "Padang"]

ID_VOCAB = {
    "subject": """pemerintah pemerintah-daerah kepolisian warga pengusaha petani nelayan mahasiswa
        pengamat ekonom anggota-dewan pejabat perusahaan bank-sentral kementerian tim-gabungan
        relawan pedagang pengemudi sopir penumpang siswa guru dokter perawat jaksa hakim""".split(),
    "verb": """menyatakan mengatakan menjelaskan menegaskan mengumumkan meminta menolak mendukung
        membangun memperbaiki meresmikan menyelidiki menangkap memeriksa mengevaluasi menyiapkan
        menyalurkan menaikkan menurunkan membahas menargetkan mencatat melaporkan mengajukan
        menunda membatalkan memperpanjang menerima menyerahkan memantau mengimbau""".split(),
    "object": """anggaran proyek jalan jembatan bantuan sosial harga beras pasokan listrik air bersih
        rencana kebijakan laporan keuangan tersangka korban kendaraan kapal pesawat jadwal
        penerbangan pembangunan gedung sekolah rumah sakit pasar tradisional kawasan industri
        lahan pertanian hasil panen program vaksinasi data penduduk izin usaha tarif tol""".split(),
    "adjunct": """pada-pekan-lalu sejak-awal-tahun dalam-waktu-dekat di-tengah-kenaikan-harga
        setelah-rapat-terbatas menjelang-akhir-tahun di-sejumlah-daerah secara-bertahap
        tanpa-penjelasan-lebih-lanjut dengan-pengawalan-ketat bersama-instansi-terkait
        sesuai-ketentuan-yang-berlaku""".split(),
    "linker": ["namun", "sementara itu", "selain itu", "oleh karena itu", "meski demikian", "di sisi lain"],
    "report": ["kata", "ujar", "tutur", "jelas", "ungkap"],
    "role": ["Kepala Dinas Perhubungan", "juru bicara kepolisian", "Wakil Gubernur", "Menteri Keuangan",
             "Direktur Utama", "Ketua Komisi", "peneliti senior", "Camat", "Bupati", "Wali Kota"],
    "place": PLACES,
    "days": ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
    "months": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
               "September", "Oktober", "November", "Desember"],
    "unit": ["persen", "orang", "unit", "ton", "kilometer", "hektare", "rumah", "keluarga"],
    "money": ["Rp {a},{b} triliun", "Rp {a}{c} miliar", "Rp {a}{c}{c} juta"],
    "loan": ["online", "deadline", "meeting", "update", "download", "event", "feedback"],
    "filler": """yang dan di ke dari untuk dengan pada dalam akan telah sudah masih belum juga
        tersebut itu ini bahwa karena sehingga agar oleh para sejumlah beberapa seluruh""".split(),
}

EN_VOCAB = {
    "subject": """the-government police residents business-owners farmers fishermen students analysts
        economists lawmakers officials the-company the-central-bank the-ministry a-joint-team
        volunteers traders drivers passengers teachers doctors nurses prosecutors judges""".split(),
    "verb": """said announced explained stressed requested rejected supported built repaired
        inaugurated investigated arrested examined evaluated prepared distributed raised lowered
        discussed targeted recorded reported submitted postponed cancelled extended received
        monitored urged approved""".split(),
    "object": """the-budget the-project a-new-road the-bridge social-assistance rice-prices the-supply
        of-electricity clean-water the-plan the-policy the-financial-report the-suspects the-victims
        the-vehicle the-ship the-flight-schedule construction-work the-school-building the-hospital
        traditional-markets the-industrial-estate farmland the-harvest the-vaccination-programme
        population-data business-permits toll-road-tariffs""".split(),
    "adjunct": """last-week since-the-start-of-the-year in-the-near-future amid-rising-prices
        after-a-closed-meeting before-the-end-of-the-year in-several-regions in-stages
        without-further-explanation under-tight-guard together-with-related-agencies
        in-line-with-the-regulations""".split(),
    "linker": ["however", "meanwhile", "in addition", "therefore", "even so", "on the other hand"],
    "report": ["said", "told reporters", "added", "explained"],
    "role": ["head of the transport agency", "police spokesperson", "deputy governor", "finance minister",
             "chief executive", "committee chair", "senior researcher", "district head", "mayor", "regent"],
    "place": PLACES,
    "days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "months": ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"],
    "unit": ["percent", "people", "units", "tonnes", "kilometres", "hectares", "houses", "families"],
    "money": ["Rp {a}.{b} trillion", "Rp {a}{c} billion", "${a}.{b} million"],
    "loan": [],
    "filler": """that and in to from for with on within will have has still not also the this these
        because so by some several all many""".split(),
}

SYLLABLES = ["su", "har", "to", "wi", "da", "ya", "ni", "ra", "sri", "mul", "ti", "bu", "di", "san",
             "tos", "a", "gus", "ek", "ko", "pra", "bo", "wo", "mah", "fud", "ri", "zal", "dew", "i",
             "les", "tar", "ru", "kan", "ma", "mat", "no", "yan", "sah", "put", "ja", "ke", "lin"]


def dictionary_stems(lang: str, limit: int = 4000) -> list[str]:
    """Plain lower-case stems of the project's Hunspell dictionary: the long tail of vocabulary."""
    name = "id_ID.dic" if lang == "id" else "en_US.dic"
    path = ROOT / "dict" / name
    stems = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()[1:]
    except OSError:
        return stems
    for line in lines:
        stem = line.split("/")[0].strip()
        if 4 <= len(stem) <= 11 and stem.isalpha() and stem.islower():
            stems.append(stem)
    rng = random.Random(7)
    rng.shuffle(stems)
    return stems[:limit]


class Writer:
    def __init__(self, lang: str, seed: int):
        self.lang = lang
        self.rng = random.Random(seed)
        self.v = ID_VOCAB if lang == "id" else EN_VOCAB
        self.tail = dictionary_stems(lang)

    def name(self) -> str:
        r = self.rng
        part = lambda: "".join(r.choice(SYLLABLES) for _ in range(r.randint(2, 3))).capitalize()
        return f"{part()} {part()}" if r.random() < 0.7 else part()

    def words(self, key: str) -> str:
        return self.rng.choice(self.v[key]).replace("-", " ").replace("_", "-")

    def slip(self, word: str) -> str:
        """A newsroom typo: two letters swapped or one dropped."""
        if len(word) < 5 or not word.isalpha():
            return word
        i = self.rng.randint(1, len(word) - 3)
        if self.rng.random() < 0.5:
            return word[:i] + word[i + 1] + word[i] + word[i + 2:]
        return word[:i] + word[i + 1:]

    def figure(self) -> str:
        r = self.rng
        if r.random() < 0.4:
            return r.choice(self.v["money"]).format(a=r.randint(1, 9), b=r.randint(1, 9), c=r.randint(0, 9))
        n = r.randint(2, 9800)
        if n >= 1000:
            sep = "." if self.lang == "id" else ","
            n_text = f"{n // 1000}{sep}{n % 1000:03d}"
        else:
            n_text = str(n)
        return f"{n_text} {r.choice(self.v['unit'])}"

    def date(self) -> str:
        """A date of 2024 with its right weekday (news gives both; the figures rules check them)."""
        r = self.rng
        when = datetime.date(2024, r.randint(1, 12), r.randint(1, 28))
        day = self.v["days"][when.weekday()]
        month = self.v["months"][when.month - 1]
        if self.lang == "id":
            return f"{day} ({when.day}/{when.month}/2024)" if r.random() < 0.5 else f"{day}, {when.day} {month} 2024"
        return f"on {day}" if r.random() < 0.5 else f"on {day}, {month} {when.day}"

    def clause(self) -> list[str]:
        r = self.rng
        out = [self.words("subject"), self.words("verb"), self.words("object")]
        for _ in range(r.randint(0, 2)):
            out.insert(r.randint(1, len(out)), r.choice(self.v["filler"]))
        if r.random() < 0.35:
            out.append(r.choice(self.tail))
        if r.random() < 0.3:
            out.append(self.words("adjunct"))
        if r.random() < 0.3:
            out.append(("sebanyak " if self.lang == "id" else "totalling ") + self.figure())
        if r.random() < 0.25:
            out.append(("di " if self.lang == "id" else "in ") + r.choice(self.v["place"]))
        if r.random() < 0.15:
            out.append(self.date())
        if self.v["loan"] and r.random() < 0.03:
            out.append(r.choice(self.v["loan"]))
        return out

    def sentence(self) -> str:
        r = self.rng
        words = " ".join(self.clause()).split()
        if r.random() < 0.3:
            words = self.words("linker").split() + [","] + [words[0].lower()] + words[1:]
        if r.random() < 0.006 * len(words):
            i = r.randrange(len(words))
            words[i] = self.slip(words[i])
        if r.random() < 0.01:
            i = r.randrange(len(words))
            words.insert(i, words[i])
        text = " ".join(words).replace(" ,", ",")
        if r.random() < 0.01:
            text = text.replace(", ", " , ", 1)
        text = text[0].upper() + text[1:]
        if r.random() < 0.18:
            who, role = self.name(), self.words("role")
            verb = r.choice(self.v["report"])
            text = f"“{text},” {verb} {role} {who}." if self.lang == "en" else f"“{text},” {verb} {role}, {who}."
            return text
        if r.random() < 0.08:
            hour = f"{r.randint(7, 22):02d}.{r.choice(['00', '15', '30', '45'])}"
            text += f" pukul {hour} WIB" if self.lang == "id" else f" at {hour.replace('.', ':')} local time"
        return text + "."

    def article(self, target_words: int) -> str:
        r = self.rng
        headline = " ".join(self.clause()[:3]).split()
        parts = ["# " + " ".join(w.capitalize() for w in headline[:8]), ""]
        place = r.choice(self.v["place"]).upper()
        count, first = 0, True
        while count < target_words:
            sentences = [self.sentence() for _ in range(r.randint(2, 5))]
            paragraph = " ".join(sentences)
            if first:
                paragraph = (f"{place}, KOMPAS — " if self.lang == "id" else f"{place} — ") + paragraph
                first = False
            parts.append(paragraph)
            parts.append("")
            count += len(paragraph.split())
        return "\n".join(parts)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--lang", choices=["id", "en"], default="id")
    p.add_argument("--words", type=int, default=2000, help="words per article (about)")
    p.add_argument("--count", type=int, default=1, help="number of articles")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", type=Path, help="write LANG-NNNN.md files into this folder")
    p.add_argument("--jsonl", action="store_true", help='one {"id","text","language"} object a line')
    a = p.parse_args()
    writer = Writer(a.lang, a.seed)
    if a.out:
        a.out.mkdir(parents=True, exist_ok=True)
    for i in range(a.count):
        text = writer.article(a.words)
        if a.out:
            (a.out / f"{a.lang}-{i:04d}.md").write_text(text, encoding="utf-8")
        elif a.jsonl:
            sys.stdout.write(json.dumps({"id": f"{a.lang}-{i:04d}", "text": text, "language": a.lang}, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(text + ("\n" if a.count > 1 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())

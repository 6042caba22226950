#!/usr/bin/env python3
"""Latency and memory of `sunting lsp` (issue 3).

1. Latency: the time from writing a one-character `didChange` to reading the whole
   `publishDiagnostics` for that version, in a 2,000-, 20,000- and 100,000-word article, with
   `debounceMs: 0` (so the debounce is excluded). Median and p95 over sequential edits that
   alternately insert and delete a letter in the middle of a word near the middle of the
   article. The server's own debug log (`check_us`, `convert_us`) splits the time into the
   core's check and the adapter's conversion; the rest is scheduling, serialisation and the
   pipe. Measured with the full default configuration, and again with the typography rules
   alone, which shows the adapter's own cost when the core's check is cheap.
2. Memory: an hour of simulated typing into the 20,000-word article, compressed: 12,000
   keystrokes (an hour at 200 a minute: letters, spaces, a backspace now and then) sent every
   few milliseconds with the default debounce of 150 ms and pauses between sentences, so the
   server checks often. The server's resident memory (VmRSS) is sampled every 1,000
   keystrokes; it must stay flat.

Run (release build; no network, loopback pipes only, bounded in time):

    cargo build --release
    python3 bench/lsp_latency.py                   # all three sizes and the typing hour
    python3 bench/lsp_latency.py --quick           # fewer samples, a shorter "hour"
    SUNTING_BIN=path/to/sunting python3 bench/lsp_latency.py --json results.json

Only the Python standard library is needed.

Measured 2026-11-26 (2-core machine shared with other builds, load average 3 to 9, so treat
as rough; release build; the core as it was that day, the article generator's density is one
finding per ~50 words):

    didChange -> publishDiagnostics, debounce off (ms), all rules   (load ~3)
       words   diags  median    p95   check  convert   rest
        2000      42    6.49   7.59    5.56     0.17   0.76
       20000     404   55.65  57.55   50.62     1.53   3.51
      100000    1992  442.94 557.48  386.31    11.58  45.06
    typography rules only                                            (load ~3)
        2000      42    1.34   1.52    0.69     0.17   0.48
       20000     404   15.31  25.95    5.50     1.51   8.30
      100000    1992  101.13 108.55   45.00    11.89  44.25
    (a rerun at load ~9: all rules 14.3 / 137.7 / 779 ms; typography only 1.5 / 9.8 / 201 ms)

    simulated typing, 12,000 keystrokes into the 20,000-word article, all rules:
    VmRSS 28.7 MiB after open, 30.4 MiB at 1,000 keystrokes, 34.7 MiB at 12,000 (max),
    29.7 MiB after the last check: flat. (Before the allocator settings in
    `src/lsp/pool.rs` the same run climbed to 64 MiB; the live heap was flat throughout.)

The adapter's own share (convert + rest) is a few milliseconds at 20,000 words; the core's
check is most of the time with every rule on.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import queue
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Everyday Indonesian news vocabulary, so the spelling rules see a realistic article.
WORDS = """
pemerintah kota provinsi menyatakan bahwa proyek pembangunan jalan tol akan selesai pada
akhir tahun depan menurut kepala dinas pekerjaan umum yang ditemui di kantornya senin pagi
warga berharap kemacetan berkurang setelah jalan baru dibuka namun sejumlah pengamat
meragukan target tersebut karena pembebasan lahan belum tuntas polisi mengatakan kecelakaan
terjadi ketika bus melaju dari arah selatan menuju pusat kota sopir diduga mengantuk
sehingga kendaraan keluar jalur dan menabrak pembatas jalan tiga penumpang luka ringan
dibawa ke rumah sakit terdekat untuk mendapat perawatan menteri keuangan menjelaskan
anggaran negara tahun ini difokuskan pada pendidikan kesehatan dan bantuan sosial bagi
keluarga miskin harga beras di pasar tradisional naik sejak pekan lalu pedagang mengeluhkan
pasokan yang terlambat dari daerah produsen hujan deras mengguyur wilayah itu sejak malam
banjir merendam ratusan rumah dan memaksa warga mengungsi ke sekolah serta masjid
""".split()
NAMES = ["Jakarta", "Bandung", "Surabaya", "Budi Santoso", "Siti Rahayu", "Medan", "Makassar"]


def article(words: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    out, count = ["# Laporan khusus\n"], 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            k = rng.randint(8, 20)
            ws = [rng.choice(WORDS) for _ in range(k)]
            if rng.random() < 0.3:
                ws.insert(rng.randint(0, k - 1), rng.choice(NAMES))
            s = " ".join(ws)
            s = s[0].upper() + s[1:]
            r = rng.random()
            if r < 0.02:
                s += " !!"  # typography errors, now and then
            elif r < 0.04:
                s += " ."
            elif r < 0.08:
                s += f" pukul {rng.randint(7, 22)}.{rng.choice(['00', '15', '30', '45'])} WIB."
            elif r < 0.10:
                s = f"“{s},” kata {rng.choice(NAMES)}."
            else:
                s += "."
            sentences.append(s)
            count += k
        out.append(" ".join(sentences) + "\n")
    return "\n".join(out)


class Server:
    """`sunting lsp` over pipes, with a reader thread that timestamps each message as soon as
    its body has been read (before parsing it)."""

    def __init__(self, binary: str, options: dict, log_checks: bool):
        env = dict(os.environ)
        env["SUNTING_LOG"] = "sunting::lsp::state=debug" if log_checks else "warn"
        self.proc = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        self.messages: queue.Queue = queue.Queue()
        self.check_log: list[dict] = []
        self.provisional_versions: set[int] = set()
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_log, daemon=True).start()
        self.next_id = 1
        self.request("initialize", {"processId": os.getpid(), "capabilities": {}, "initializationOptions": options, "rootUri": None})
        self.notify("initialized", {})

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = out.read(length)
            self.messages.put((time.perf_counter(), body))

    def _read_log(self):
        pattern = re.compile(rb"version=(\d+) bytes=(\d+) diagnostics=(\d+) check_us=(\d+) convert_us=(\d+)")
        provisional = re.compile(rb"provisional.*version=(\d+)")
        for line in self.proc.stderr:
            p = provisional.search(line)
            if p:
                self.provisional_versions.add(int(p.group(1)))
                continue
            m = pattern.search(line)
            if m:
                v, b, d, c, k = map(int, m.groups())
                self.check_log.append({"version": v, "bytes": b, "diagnostics": d, "check_us": c, "convert_us": k})

    def send(self, obj: dict) -> float:
        body = json.dumps(obj).encode()
        t = time.perf_counter()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return t

    def notify(self, method: str, params) -> float:
        return self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params, timeout: float = 60):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        deadline = time.time() + timeout
        while time.time() < deadline:
            _, body = self.messages.get(timeout=timeout)
            msg = json.loads(body)
            if msg.get("id") == rid and "method" not in msg:
                return msg
        raise TimeoutError(method)

    def wait_publish(self, uri: str, version: int, timeout: float = 120) -> tuple[float, int]:
        deadline = time.time() + timeout
        while time.time() < deadline:
            t, body = self.messages.get(timeout=timeout)
            if b"publishDiagnostics" not in body[:100]:
                continue
            msg = json.loads(body)
            p = msg.get("params", {})
            if msg.get("method") == "textDocument/publishDiagnostics" and p.get("uri") == uri and p.get("version") == version:
                return t, len(p["diagnostics"])
        raise TimeoutError(f"publishDiagnostics {uri} v{version}")

    def rss_kib(self) -> int:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def close(self):
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()


def utf16_position(text: str, index: int) -> dict:
    line = text.count("\n", 0, index)
    start = text.rfind("\n", 0, index) + 1
    return {"line": line, "character": len(text[start:index].encode("utf-16-le")) // 2}


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def latency(binary: str, words: int, samples: int, options: dict | None = None) -> dict:
    server = Server(binary, {"debounceMs": 0, **(options or {})}, log_checks=True)
    uri = f"file:///bench/article-{words}.md"
    text = article(words)
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    _, n_diags = server.wait_publish(uri, 1)
    # A letter typed in the middle of a word near the middle of the article, then removed.
    mid = len(text) // 2
    at = text.index(" ", mid) - 2
    times, complete_times, version = [], [], 1
    for i in range(samples + 3):
        version += 1
        pos = utf16_position(text, at)
        if i % 2 == 0:
            change = {"range": {"start": pos, "end": pos}, "text": "x"}
            text = text[:at] + "x" + text[at:]
        else:
            end = utf16_position(text, at + 1)
            change = {"range": {"start": pos, "end": end}, "text": ""}
            text = text[:at] + text[at + 1:]
        sent = server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        received, _ = server.wait_publish(uri, version)
        # A long article gets a provisional publish first (paragraph rules re-run where the
        # edit was, the rest carried over), then the full check's: wait for the full check's log
        # line, and for its publish if the first one was provisional.
        deadline = time.time() + 120
        while not any(c["version"] == version for c in server.check_log) and time.time() < deadline:
            time.sleep(0.0005)
        complete = server.wait_publish(uri, version)[0] if version in server.provisional_versions else received
        if i >= 3:  # the first few warm up caches
            times.append((received - sent) * 1000)
            complete_times.append((complete - sent) * 1000)
    time.sleep(0.2)
    checks = [c for c in server.check_log if c["version"] > 4]
    server.close()
    result = {
        "words": words,
        "bytes": len(text.encode()),
        "diagnostics": n_diags,
        "samples": len(times),
        "median_ms": statistics.median(times),
        "p95_ms": percentile(times, 0.95),
        "complete_median_ms": statistics.median(complete_times),
        "complete_p95_ms": percentile(complete_times, 0.95),
    }
    if checks:
        result["check_median_ms"] = statistics.median(c["check_us"] for c in checks) / 1000
        result["convert_median_ms"] = statistics.median(c["convert_us"] for c in checks) / 1000
    return result


def typing_hour(binary: str, keystrokes: int, interval_ms: float, options: dict | None = None) -> dict:
    server = Server(binary, options or {}, log_checks=True)  # default debounce (150 ms)
    uri = "file:///bench/typing.md"
    text = article(20_000, seed=11)
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    server.wait_publish(uri, 1)
    rng = random.Random(5)
    at = len(text) // 2
    at = text.index("\n", at) + 1
    version, samples = 1, []
    samples.append((0, server.rss_kib()))
    started = time.time()
    for k in range(1, keystrokes + 1):
        version += 1
        if rng.random() < 0.08 and at > 0 and text[at - 1] != "\n":
            pos, end = utf16_position(text, at - 1), utf16_position(text, at)
            change = {"range": {"start": pos, "end": end}, "text": ""}
            text = text[: at - 1] + text[at:]
            at -= 1
        else:
            ch = rng.choice("abcdefghijklmnopqrstuvwxyz     ,.")
            pos = utf16_position(text, at)
            change = {"range": {"start": pos, "end": pos}, "text": ch}
            text = text[:at] + ch + text[at:]
            at += 1
        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        # Drain what the server sent, so its output never blocks.
        while not server.messages.empty():
            server.messages.get_nowait()
        # A pause after a sentence lets the debounce pass and a check run, as when typing.
        time.sleep((0.2 if k % 40 == 0 else interval_ms / 1000))
        if k % 1000 == 0:
            samples.append((k, server.rss_kib()))
    server.wait_publish(uri, version)
    samples.append((keystrokes, server.rss_kib()))
    checks = len(server.check_log)
    elapsed = time.time() - started
    server.close()
    first = samples[1][1] if len(samples) > 1 else samples[0][1]
    return {
        "keystrokes": keystrokes,
        "seconds": round(elapsed, 1),
        "checks_run": checks,
        "rss_kib": samples,
        "rss_after_open_kib": samples[0][1],
        "rss_first_1000_kib": first,
        "rss_end_kib": samples[-1][1],
        "rss_max_kib": max(s[1] for s in samples),
        "growth_after_first_1000_kib": samples[-1][1] - first,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer samples and a shorter typing run")
    ap.add_argument("--json", help="also write the results to this file")
    ap.add_argument("--only", choices=["latency", "typing"], help="run one part")
    ap.add_argument("--typing-options", default="{}", help="initializationOptions (JSON) for the typing run")
    args = ap.parse_args()
    binary = os.environ.get("SUNTING_BIN", str(ROOT / "target" / "release" / "sunting"))
    if not Path(binary).exists():
        print(f"no binary at {binary}: run `cargo build --release` or set SUNTING_BIN", file=sys.stderr)
        return 2
    results = {"binary": binary, "latency": [], "typing": None}
    plan = [(2_000, 15 if args.quick else 60), (20_000, 15 if args.quick else 60), (100_000, 7 if args.quick else 30)]
    # The full default configuration, then the typography rules alone: the second shows what
    # the adapter itself costs when the core's check is cheap.
    configs = [("all rules", {}), ("typography rules only", {"enabledCategories": ["typography"]})]
    for label, options in configs if args.only != "typing" else []:
        print(f"didChange -> publishDiagnostics, debounce off (ms), {label}")
        print(f"{'words':>8} {'bytes':>9} {'diags':>6} {'n':>4} {'median':>8} {'p95':>8} {'full med':>8} {'full p95':>8} {'check':>8} {'convert':>8}")
        for words, samples in plan:
            r = latency(binary, words, samples, options)
            r["config"] = label
            results["latency"].append(r)
            print(f"{r['words']:>8} {r['bytes']:>9} {r['diagnostics']:>6} {r['samples']:>4} {r['median_ms']:>8.2f} {r['p95_ms']:>8.2f} "
                  f"{r['complete_median_ms']:>8.2f} {r['complete_p95_ms']:>8.2f} "
                  f"{r.get('check_median_ms', float('nan')):>8.2f} {r.get('convert_median_ms', float('nan')):>8.2f}", flush=True)
        print()
    if args.only != "latency":
        keystrokes = 2_000 if args.quick else 12_000
        t = typing_hour(binary, keystrokes, interval_ms=5, options=json.loads(args.typing_options))
        results["typing"] = t
        print(f"\nsimulated typing: {t['keystrokes']} keystrokes in {t['seconds']} s, {t['checks_run']} checks")
        print("VmRSS (KiB) by keystrokes: " + ", ".join(f"{k}:{v}" for k, v in t["rss_kib"]))
        print(f"after open {t['rss_after_open_kib']} KiB, at 1000 keystrokes {t['rss_first_1000_kib']} KiB, "
              f"end {t['rss_end_kib']} KiB, max {t['rss_max_kib']} KiB, growth after the first 1000: {t['growth_after_first_1000_kib']} KiB")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

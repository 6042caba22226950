#!/usr/bin/env python3
"""Summarise nvim_freeze.lua / emacs_freeze.el output (a JSON line on stdin)."""
import json, sys
r = json.loads([l for l in sys.stdin.read().splitlines() if l.startswith("{")][-1])
edits = r.get("edits", [])
per = [sum(p["ms"] for p in e) for e in edits]
pubs = [len(e) for e in edits]
longest = max((p["ms"] for e in edits for p in e), default=0)
out = {
    "open_ms": round(sum(p["ms"] for p in r.get("open", [])), 1),
    "published_per_edit": pubs,
    "handler_ms_per_edit": [round(x, 1) for x in per],
    "longest_single_handler_ms": round(longest, 1),
    "fix_all_apply_ms": round(r.get("apply_edit", {}).get("ms", 0), 1),
    "fix_all_edits_sent": r.get("apply_edit", {}).get("edits"),
    "fix_all_publications_ms": [round(p["ms"], 1) for p in r.get("fix_all", [])],
}
print(json.dumps(out))

#!/usr/bin/env python3
"""Working sheet for labelling one PolNeAR article's entity gold (docs/entity-gold.md).

    skeleton.py TEXT.txt ANN_OR_GOLD [--bin build/quotegraph] > /tmp/NAME.sheet.json

Lists, for the labeller's eyes only (the sheet holds article text and must never be
committed): every PolNeAR attribution that has a source (code-point offsets, source
text, a preview of the content), the entities quotegraph predicts today and its `via`
links, so that each prediction gets judged. The labeller writes the gold file itself
(names and offsets only) into tests/gold/entities/.
"""
import argparse, json, os, subprocess, sys


def brat(ann_path):
    spans, events = {}, []
    for line in open(ann_path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if not parts or not parts[0]:
            continue
        if parts[0].startswith("T") and len(parts) >= 2:
            label, _, offs = parts[1].partition(" ")
            pieces = [tuple(map(int, p.split())) for p in offs.split(";")]
            spans[parts[0]] = (label, pieces)
        elif parts[0].startswith("E") and len(parts) >= 2:
            roles = dict(r.split(":", 1) for r in parts[1].split())
            events.append((parts[0], roles))
    out = []
    for eid, roles in events:
        src = next((v for k, v in roles.items() if k.startswith("Source")), None)
        content = [p for k, v in roles.items() if k.startswith("Content") for p in spans[v][1]]
        if not src or not content:
            continue
        s = spans[src][1]
        out.append({"start": min(a for a, _ in content), "end": max(b for _, b in content),
                    "source": [s[0][0], s[-1][1]]})
    return out


def derived(gold_path):
    d = json.load(open(gold_path, encoding="utf-8"))
    return [{"start": a["start"], "end": a["end"], "source": [a["speaker_start"], a["speaker_end"]]}
            for a in d["attributions"] if "speaker_start" in a]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("text")
    ap.add_argument("gold")
    ap.add_argument("--bin", default="build/quotegraph")
    a = ap.parse_args()
    text = open(a.text, encoding="utf-8").read()
    raw = open(a.text, "rb").read()
    atts = brat(a.gold) if a.gold.endswith(".ann") else derived(a.gold)
    atts.sort(key=lambda x: (x["start"], x["end"]))
    for x in atts:
        x["source_text"] = text[x["source"][0]:x["source"][1]]
        c = text[x["start"]:x["end"]]
        x["content_preview"] = c if len(c) < 160 else c[:100] + " … " + c[-50:]
    pred = json.loads(subprocess.run([a.bin, "analyze", "--format", "json", "--no-echo", a.text],
                                     capture_output=True, check=True).stdout)

    def cp(b):  # byte offset -> code point offset
        return len(raw[:b].decode("utf-8"))
    ents = {e["id"]: e for e in pred["entities"]}
    by_id = {t["id"]: t for t in pred["attributions"]}
    relays = []
    for t in pred["attributions"]:
        if t.get("via"):
            o = by_id[t["via"]]
            relays.append({
                "outer": [cp(o["content"]["start"]), cp(o["content"]["end"])],
                "outer_speaker": o["speaker_mention"]["text"] if o.get("speaker_mention") else None,
                "inner": [cp(t["content"]["start"]), cp(t["content"]["end"])],
                "inner_speaker": t["speaker_mention"]["text"] if t.get("speaker_mention") else None,
                "inner_text": t["content"]["text"][:160]})
    sheet = {
        "doc": os.path.basename(a.text),
        "attributions": atts,
        "predicted_entities": [{"name": e["name"], "kind": e["kind"], "aliases": e["aliases"]}
                               for e in pred["entities"]],
        "predicted_relays": relays,
    }
    json.dump(sheet, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()

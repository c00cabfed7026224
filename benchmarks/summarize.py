#!/usr/bin/env python3
"""Summarises a JMH JSON result file (-rf json -rff FILE): min and median ns/row of the measured iterations,
B/row from -prof gc, and each variant's ratio to the baseline computed within the same run: `generated`
(SerializerBenchmark) or, if absent, `kustoTyped_gzip1` (IngestBenchmark) or `level1` (GzipBenchmark)."""
import json
import statistics
import sys

BASES = (("generated", "gen"), ("kustoTyped_gzip1", "gz1"), ("level1", "L1"))

def main(path):
    rows = {}
    for b in json.load(open(path)):
        name = b["benchmark"].rsplit(".", 1)[-1]
        raw = [x for fork in b["primaryMetric"]["rawData"] for x in fork]
        alloc = b.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        rows[name] = (min(raw), statistics.median(raw), alloc)
    base_name, label = next(((n, l) for n, l in BASES if n in rows), (None, "base"))
    base = rows.get(base_name)
    print(f"{'variant':32} {'min ns/row':>11} {'median':>9} {'B/row':>8} {'min ×' + label:>9} {'median ×' + label:>12}")
    for name, (mn, med, alloc) in rows.items():
        ratio_min = f"{mn / base[0]:.2f}" if base else "-"
        ratio_med = f"{med / base[1]:.2f}" if base else "-"
        a = f"{alloc:.1f}" if alloc is not None else "-"
        print(f"{name:32} {mn:11.1f} {med:9.1f} {a:>8} {ratio_min:>9} {ratio_med:>12}")

if __name__ == "__main__":
    main(sys.argv[1])

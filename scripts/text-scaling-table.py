#!/usr/bin/env python3
"""Per-segment table for docs/benchmarks.md section 7, from TextScalingBenchmarks' BenchmarkDotNet CSV report.

Usage: python3 scripts/text-scaling-table.py BenchmarkDotNet.Artifacts/results/*TextScalingBenchmarks-report.csv
Cost per segment = the statistic / Segments; the ratio is 10,000 parts against 100 (target: within 1.3x).
"""
import csv
import sys

UNITS = {"ns": 1.0, "us": 1e3, "μs": 1e3, "ms": 1e6, "s": 1e9}


def nanoseconds(text):
    value, unit = text.replace(",", "").split()
    return float(value) * UNITS[unit]


def kilobytes(text):
    value, unit = text.replace(",", "").split()
    return float(value) * {"B": 1, "KB": 1024, "MB": 1024 * 1024}[unit]


def main(path):
    with open(path, newline="", encoding="utf-8") as report:
        rows = list(csv.DictReader(report))
    stats = [s for s in ("Mean", "Min", "Median") if s in rows[0]]
    sizes = sorted({int(r["Segments"]) for r in rows})
    methods = list(dict.fromkeys(r["Method"].strip("'") for r in rows))
    by = {(r["Method"].strip("'"), int(r["Segments"])): r for r in rows}
    header = ["per segment"] + [f"{s} {n:,}" for s in stats for n in sizes] + [f"{s} {sizes[-1]:,} / {sizes[0]:,}" for s in stats]
    header += [f"B / segment at {sizes[-1]:,}"]
    print("| " + " | ".join(header) + " |")
    print("| --- " + "| ---: " * (len(header) - 1) + "|")
    for method in methods:
        cells = []
        ratios = []
        for stat in stats:
            per = {n: nanoseconds(by[(method, n)][stat]) / n for n in sizes if (method, n) in by}
            cells += [f"{per[n]:,.0f} ns" if n in per else "" for n in sizes]
            ratios.append(f"**{per[sizes[-1]] / per[sizes[0]]:.2f}x**" if len(per) == len(sizes) else "")
        allocated = kilobytes(by[(method, sizes[-1])]["Allocated"]) / sizes[-1] if (method, sizes[-1]) in by else 0
        print(f"| {method} | " + " | ".join(cells + ratios + [f"{allocated:,.0f}"]) + " |")


if __name__ == "__main__":
    main(sys.argv[1])

"""Time against spec size, per tool, log-log: a straight line of slope 1 is linear growth."""

from __future__ import annotations

import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt


def main(results_file: str, png: str) -> None:
    with open(results_file, encoding="utf-8") as stream:
        results = json.load(stream)
    sizes = {spec["name"]: spec["bytes"] for spec in results["specs"]}
    figure, axes = plt.subplots(figsize=(8, 5))
    for tool, marker in (
        ("ours", "o"),
        ("openapi-python-client", "s"),
        ("datamodel-code-generator", "^"),
    ):
        points = sorted(
            (sizes[r["spec"]], r["seconds"])
            for r in results["generation"]
            if r["tool"] == tool and r["ok"]
        )
        if points:
            axes.plot(*zip(*points, strict=True), marker=marker, label=tool)
    # bench/scale.py's synthetic APIs, up to 50,000 operations: the growth beyond the corpus
    synthetic = sorted(
        (size["bytes"], size["ours"]["seconds"])
        for size in (results.get("scale") or {}).get("synthetic", [])
        if size["ours"]["ok"]
    )
    if synthetic:
        axes.plot(
            *zip(*synthetic, strict=True), marker="x", linestyle="--", label="ours, synthetic"
        )
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("spec size (bytes)")
    axes.set_ylabel("generation time (s, wall)")
    axes.set_title("End-to-end generation time against spec size")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(png, dpi=110)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

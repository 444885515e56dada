"""Run construction probes (invented passages with one quote and its expected speaker each).

    .venv/bin/python scripts/run_probes.py eval/probes/*.jsonl [--failures] [--json]

Prints, per file and in total, how many probes pass (counts only: safe on a sealed probe file);
``--failures`` lists the failed ones (where, construction, expected and found speaker).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from allegiance.errors import AllegianceError
from allegiance.evaluation.probes import load_probes, run_probes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", type=Path, nargs="+", help="probe files (JSON Lines)")
    parser.add_argument("--failures", action="store_true", help="list the failed probes")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    try:
        reports = {str(f): run_probes(load_probes(f)) for f in args.files}
    except AllegianceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    total = sum(len(r.outcomes) for r in reports.values())
    passed = sum(r.passed for r in reports.values())
    if args.json:
        out = {name: r.as_dict() for name, r in reports.items()}
        if not args.failures:
            for item in out.values():
                item.pop("failures")
        print(json.dumps({"files": out, "probes": total, "passed": passed}, indent=1))
        return 0
    for name, report in reports.items():
        print(f"{name}: {report.passed}/{len(report.outcomes)}")
        if args.failures:
            for o in report.failed:
                got = o.error or (o.speaker if o.found else "no quote")
                print(
                    f"  FAIL {o.probe.where} [{o.probe.note}] expected {o.probe.speaker}, got {got}"
                )
    print(f"total: {passed}/{total} ({passed / total:.3f})" if total else "total: 0")
    return 0


if __name__ == "__main__":
    sys.exit(main())

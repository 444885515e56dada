"""Inter-annotator agreement on quotes and speakers between two folders of gold files.

    .venv/bin/python scripts/gold_agreement.py eval/gold/fr-test eval/gold/fr-test-b

Prints totals only (quotes of A and B, pairs at 30 % shared words, P/R/F1 of B against A,
speaker agreement on pairs whose A speaker is a named actor): no quote text, so it may be run on
held-out annotations without showing them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from allegiance.errors import AllegianceError
from allegiance.evaluation.agreement import compare_folders


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("first", type=Path, help="folder of the first annotation (A)")
    parser.add_argument("second", type=Path, help="folder of the second annotation (B)")
    parser.add_argument("--overlap", type=float, default=0.3, help="shared-word share to pair")
    args = parser.parse_args(argv)
    try:
        result = compare_folders(args.first, args.second, overlap=args.overlap).as_dict()
    except AllegianceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

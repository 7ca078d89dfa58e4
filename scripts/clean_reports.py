#!/usr/bin/env python3
"""Clean raw 范文 pages into one Markdown page per report.

    python scripts/clean_reports.py --raw raw --out docs/reports

See ``--help``; the work is done by the ``fanwen`` package next to this file.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fanwen.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())

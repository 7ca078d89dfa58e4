#!/usr/bin/env python3
"""Pack the built site (site/) into dist/fanwen-offline-YYYYMMDD.zip, a copy that works from a folder.

    python scripts/make_offline.py [--site site] [--out dist]
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fanwen.offline import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Prints the Content-Security-Policy header for a build of Coplanifier.

Usage: python3 scripts/csp.py [dist/index.html]

The policy is strict (no 'unsafe-inline', no 'unsafe-eval'). Trunk writes one
small inline module script that loads the app; its SHA-256 changes with every
build (it names the build's hashed files), so run this after each build and
give the printed header to the web server.
"""
import base64
import hashlib
import re
import sys
from pathlib import Path


def policy(index_html: str) -> str:
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", index_html, re.S)
    hashes = " ".join(
        "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
        for s in scripts
    )
    return (
        "default-src 'self'; "
        f"script-src 'self' 'wasm-unsafe-eval' {hashes}; "
        "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'"
    )


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    index = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "dist" / "index.html"
    try:
        html = index.read_text(encoding="utf-8")
    except OSError as err:
        print(f"cannot read {index}: {err}", file=sys.stderr)
        return 1
    print("Content-Security-Policy: " + policy(html))
    return 0


if __name__ == "__main__":
    sys.exit(main())

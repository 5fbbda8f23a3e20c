#!/usr/bin/env python3
"""Packs the built app (dist/) into one self-contained HTML file.

    python3 scripts/single-file.py [--dist dist] [--out dist/coplanifier.html]

The result opens by double-click (file://), from a USB key or a file share,
with no server and no network: the stylesheet becomes a <style>, the favicon
a data: URL, and the wasm-bindgen glue plus the wasm (base64) go into the one
inline <script type="module"> that Trunk wrote. Tags that point to files that
no longer exist next to the page (module preloads, wasm preload, web manifest)
are dropped. Python 3.11 standard library only; the output depends only on
the input files, byte for byte.
"""

from __future__ import annotations

import argparse
import base64
import html
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent

# Names the generated code uses; the glue runs in its own function scope, so
# these only have to differ from what Trunk's loader script declares.
GLUE = "__coplanifierGlue"
WASM_BYTES = "__coplanifierWasm"


class PackError(Exception):
    """The build does not look as expected; the message says what is missing."""


# --------------------------------------------------------------------------
# Finding the pieces of index.html


class Tag:
    """A start tag (or a whole <script>…</script>/<style>…</style>) of the source."""

    def __init__(self, name, attrs, start, end, text):
        self.name = name
        self.attrs = attrs  # list of (name, value) as written, names lower-cased
        self.start = start  # offset of '<'
        self.end = end  # offset just past '>' (or past '</script>' for scripts)
        self.text = text  # the start tag as written
        self.body = None  # script/style content, for those

    def get(self, name):
        for key, value in self.attrs:
            if key == name:
                return value
        return None

    def rels(self):
        return (self.get("rel") or "").lower().split()


class Scanner(HTMLParser):
    """Records where each start tag sits in the source, as character offsets."""

    def __init__(self, source):
        super().__init__(convert_charrefs=True)
        self.source = source
        self.line_starts = [0]
        for m in re.finditer(r"\n", source):
            self.line_starts.append(m.end())
        self.tags = []
        self._open_raw = None

    def _offset(self):
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        start = self._offset()
        text = self.get_starttag_text()
        if self.source[start : start + len(text)] != text:
            raise PackError(f"could not locate <{tag}> in index.html (parser offset mismatch)")
        t = Tag(tag, attrs, start, start + len(text), text)
        self.tags.append(t)
        if tag in ("script", "style"):
            self._open_raw = t
            t.body = ""

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self._open_raw is not None:
            self._open_raw.body += data

    def handle_endtag(self, tag):
        raw = self._open_raw
        if raw is not None and tag == raw.name:
            start = self._offset()
            close = re.compile(rf"</{tag}\s*>", re.I).match(self.source, start)
            if not close:
                raise PackError(f"could not locate </{tag}> in index.html")
            raw.end = close.end()
            self._open_raw = None


def local_file(dist: Path, url: str) -> Path | None:
    """The file of dist/ that a relative URL names, or None for other URLs."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    path = (dist / unquote(parts.path)).resolve()
    if dist.resolve() not in path.parents:
        return None
    return path


# A fixed table, so that the output does not depend on the machine's
# /etc/mime.types.
TYPES = {
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
}


def data_url(path: Path) -> str:
    kind = TYPES.get(path.suffix.lower(), "application/octet-stream")
    return f"data:{kind};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""")


def inline_css_urls(dist: Path, css_path: Path) -> str:
    """The stylesheet, with the local files it names (fonts, images) as data: URLs."""
    css = css_path.read_text(encoding="utf-8")
    if re.search(r"</style", css, re.I):
        raise PackError(f"{css_path.name} contains '</style', which cannot be inlined")
    if re.search(r"@import\b", css):
        raise PackError(f"{css_path.name} uses @import, which this script does not inline")

    def one(m):
        url = m.group(1) if m.group(1) is not None else m.group(2) if m.group(2) is not None else m.group(3)
        if url.startswith(("data:", "#")) or urlsplit(url).scheme:
            return m.group(0)
        base = css_path.parent
        parts = urlsplit(url)
        target = (base / unquote(parts.path)).resolve()
        if dist.resolve() not in target.parents or not target.is_file():
            raise PackError(f"{css_path.name} refers to {url!r}, which is not in {dist}")
        return f'url("{data_url(target)}")'

    return CSS_URL.sub(one, css)


def tag_without(tag: Tag, drop: set[str], replace: dict[str, str] | None = None) -> str:
    """Rewrites a start tag without some attributes, with others replaced."""
    replace = replace or {}
    out = [f"<{tag.name}"]
    for key, value in tag.attrs:
        if key in drop:
            continue
        if key in replace:
            value = replace[key]
        if value is None:
            out.append(f" {key}")
        else:
            out.append(f' {key}="{html.escape(value, quote=True)}"')
    out.append(">")
    return "".join(out)


# --------------------------------------------------------------------------
# The wasm-bindgen glue

EXPORT_DECL = re.compile(r"^export\s+((?:async\s+)?function\s*\*?\s*|class\s+)([A-Za-z_$][\w$]*)", re.M)
EXPORT_VAR = re.compile(r"^export\s+(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=", re.M)
EXPORT_LIST = re.compile(r"^export\s*\{([^}]*)\}\s*;?[ \t]*$", re.M)
IDENT = r"[A-Za-z_$][\w$]*"


def strip_exports(glue: str) -> tuple[str, list[tuple[str, str]]]:
    """Removes the glue's export syntax; returns (code, [(exported, local)])."""
    exports: list[tuple[str, str]] = []

    def decl(m):
        exports.append((m.group(2), m.group(2)))
        return m.group(1) + m.group(2)

    def var(m):
        exports.append((m.group(1), m.group(1)))
        return m.group(0)[len("export") :].lstrip()

    def listed(m):
        for item in m.group(1).split(","):
            item = item.strip()
            if not item:
                continue
            one = re.fullmatch(rf"({IDENT})(?:\s+as\s+({IDENT}))?", item)
            if not one:
                raise PackError(f"unexpected export in the wasm-bindgen glue: {item!r}")
            exports.append((one.group(2) or one.group(1), one.group(1)))
        return ""

    glue = EXPORT_DECL.sub(decl, glue)
    glue = EXPORT_VAR.sub(var, glue)
    glue = EXPORT_LIST.sub(listed, glue)
    left = re.search(r"^\s*export\b.*$", glue, re.M)
    if left:
        raise PackError(f"export form not handled in the wasm-bindgen glue: {left.group(0).strip()!r}")
    imports = re.search(r"^\s*import\s*(?:[\w${},*\s]+\s*from\s*)?['\"][^'\"]+['\"].*$", glue, re.M)
    if imports:
        raise PackError(
            "the wasm-bindgen glue imports another file (a snippet?), which one file "
            f"cannot hold yet: {imports.group(0).strip()!r}"
        )
    if not any(name == "default" for name, _ in exports):
        raise PackError("the wasm-bindgen glue has no default export (its init function)")
    return glue, exports


def script_safe(code: str, what: str) -> str:
    """Makes JavaScript safe to sit between <script> and </script>."""
    if re.search(r"<!--", code):
        raise PackError(f"{what} contains '<!--', which would confuse the HTML parser inside <script>")
    # '</script' can only occur inside a string, template, regex or comment,
    # where '<\/script' means the same.
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.I)


# --------------------------------------------------------------------------
# Putting it together


IMPORT_RE = re.compile(
    rf"import\s+({IDENT})\s*(?:,\s*\*\s*as\s+({IDENT})\s*)?from\s*(['\"])([^'\"]+)\3\s*;?"
)


def loader_script(dist: Path, script: Tag) -> tuple[str, list[Path]]:
    """Trunk's loader with the glue and the wasm bytes put inside it."""
    body = script.body or ""
    imports = list(IMPORT_RE.finditer(body))
    if len(imports) != 1:
        raise PackError(
            f"expected one `import init, * as bindings from './<name>.js'` in the loader script, found {len(imports)}"
        )
    imp = imports[0]
    init_name, bindings_name, glue_url = imp.group(1), imp.group(2), imp.group(4)
    glue_path = local_file(dist, glue_url)
    if glue_path is None or not glue_path.is_file():
        raise PackError(f"the wasm-bindgen glue {glue_url!r} is not in {dist}")

    wasm_refs = list(re.finditer(r"module_or_path\s*:\s*(['\"])([^'\"]+\.wasm)\1", body))
    if len(wasm_refs) != 1:
        raise PackError(
            f"expected one `init({{ module_or_path: './<name>_bg.wasm' }})` in the loader script, found {len(wasm_refs)}"
        )
    wasm_ref = wasm_refs[0]
    wasm_path = local_file(dist, wasm_ref.group(2))
    if wasm_path is None or not wasm_path.is_file():
        raise PackError(f"the wasm module {wasm_ref.group(2)!r} is not in {dist}")

    glue, exports = strip_exports(glue_path.read_text(encoding="utf-8"))
    wasm_b64 = base64.b64encode(wasm_path.read_bytes()).decode("ascii")
    members = ", ".join(f"{exported}: {local}" if exported != local else local for exported, local in exports)

    prelude = "\n".join(
        [
            f"// {glue_path.name}, inlined by scripts/single-file.py (its exports become {GLUE}).",
            f"const {GLUE} = await (async () => {{",
            glue.rstrip(),
            f"return Object.freeze(Object.assign(Object.create(null), {{ {members} }}));",
            "})();",
            f"const {init_name} = {GLUE}.default;",
            *([f"const {bindings_name} = {GLUE};"] if bindings_name else []),
            f"// {wasm_path.name}, inlined as base64.",
            f"const {WASM_BYTES} = ((b64) => {{",
            "  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);",
            "  const bin = atob(b64);",
            "  const bytes = new Uint8Array(bin.length);",
            "  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);",
            "  return bytes;",
            f'}})("{wasm_b64}");',
        ]
    )
    # Replace from the end so that the earlier offsets stay valid.
    pieces = sorted(
        [(imp.start(), imp.end(), prelude), (wasm_ref.start(), wasm_ref.end(), f"module_or_path: {WASM_BYTES}")],
        reverse=True,
    )
    if imp.end() > wasm_ref.start():
        raise PackError("the loader script calls init before importing it")
    for start, end, text in pieces:
        body = body[:start] + text + body[end:]
    body = script_safe(body, "the loader script or the wasm-bindgen glue")
    opening = tag_without(script, {"integrity", "src", "crossorigin", "nonce"})
    return f"{opening}{body}</script>", [glue_path, wasm_path]


def pack(dist: Path) -> tuple[str, list[str]]:
    """Returns the one-file HTML and the notes to print about dropped tags."""
    index = dist / "index.html"
    if not index.is_file():
        raise PackError(f"{index} not found: build the app first (trunk build --release)")
    source = index.read_text(encoding="utf-8")
    scanner = Scanner(source)
    scanner.feed(source)
    scanner.close()

    edits: list[tuple[int, int, str]] = []
    notes: list[str] = []
    stylesheets = 0
    loaders = 0

    for tag in scanner.tags:
        if tag.name == "link":
            rels = tag.rels()
            href = tag.get("href") or ""
            path = local_file(dist, href)
            if "stylesheet" in rels:
                if path is None or not path.is_file():
                    raise PackError(f"the stylesheet {href!r} is not in {dist}")
                css = inline_css_urls(dist, path)
                media = tag.get("media")
                opening = f'<style media="{html.escape(media)}">' if media else "<style>"
                edits.append((tag.start, tag.end, f"{opening}\n{css}</style>"))
                stylesheets += 1
            elif "modulepreload" in rels or ("preload" in rels and path is not None):
                edits.append((tag.start, tag.end, ""))
            elif "icon" in rels or "apple-touch-icon" in rels:
                if path is None:
                    continue
                if not path.is_file():
                    raise PackError(f"the icon {href!r} is not in {dist}")
                edits.append((tag.start, tag.end, tag_without(tag, {"integrity"}, {"href": data_url(path)})))
            elif path is not None:
                # A web manifest and the like: nothing next to the page serves them.
                edits.append((tag.start, tag.end, ""))
                notes.append(f"dropped <link rel=\"{' '.join(rels)}\" href=\"{href}\">")
        elif tag.name == "script":
            src = tag.get("src")
            if src is not None:
                if local_file(dist, src) is not None:
                    raise PackError(f"<script src={src!r}> is not handled; only Trunk's inline loader is")
                notes.append(f"kept <script src=\"{src}\">, which needs the network")
            elif (tag.get("type") or "").lower() == "module":
                edits.append((tag.start, tag.end, None))  # filled below
                loaders += 1
        elif tag.name == "meta" and (tag.get("http-equiv") or "").lower() == "content-security-policy":
            raise PackError("index.html has a Content-Security-Policy <meta>; one file needs inline code allowed")

    if stylesheets == 0:
        raise PackError('no <link rel="stylesheet" href="..."> in index.html')
    if loaders != 1:
        raise PackError(f'expected one inline <script type="module"> (Trunk\'s loader) in index.html, found {loaders}')

    out = source
    for start, end, text in sorted(edits, key=lambda e: e[0], reverse=True):
        if text is None:
            script = next(t for t in scanner.tags if t.start == start)
            text, _ = loader_script(dist, script)
        else:
            # A removed tag takes its trailing newline with it.
            if text == "" and out[end : end + 1] == "\n":
                end += 1
        out = out[:start] + text + out[end:]
    return out, notes


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Pack dist/ into one self-contained HTML file that opens from file://.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="the Trunk build (default: dist/ of the repository)")
    parser.add_argument("--out", type=Path, default=None, help="where to write (default: <dist>/coplanifier.html)")
    args = parser.parse_args(argv)
    dist = args.dist.resolve()
    out = (args.out or dist / "coplanifier.html").resolve()
    try:
        page, notes = pack(dist)
    except PackError as err:
        print(f"single-file: {err}", file=sys.stderr)
        return 1
    except (OSError, UnicodeDecodeError) as err:
        print(f"single-file: {err}", file=sys.stderr)
        return 1
    for note in notes:
        print(f"single-file: {note}", file=sys.stderr)
    data = page.encode("utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(out)
    print(f"{out} {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())

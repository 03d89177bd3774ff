"""The site away from the server: search from disk (file://), and the whole site as one zip.

Material's own `offline` plugin does the first (search/search_index.js, and the
iframe-worker shim, which it loads from unpkg.com), but it also turns
`use_directory_urls` off for the whole build: `cards/krit/` would become
`cards/krit.html` on the intranet too.  The site keeps its addresses; its links
name index.html (pages.links_for_disk) and the search results do the same from
disk (bcp_search_worker.js).  The shim is served from the site
(docs/assets/vendor/iframe-worker, mkdocs.yml `extra.polyfills`).
"""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path

# The zip of the whole site, at the site's top (linked from the home page), and the one
# folder it unpacks into.
SITE_ZIP = "bcp-site.zip"
ZIP_FOLDER = "bcp-site"
# The zip is written last, when every PDF is done: the fastest deflate level (a few percent larger than
# level 6, a third of the time), and files that are compressed already stored as they are.
ZIP_LEVEL = 1
PACKED_ALREADY = frozenset({".pdf", ".woff2", ".woff", ".png", ".jpg", ".jpeg", ".gif", ".gz", ".zip"})


def write_disk_search_index(site_dir: str | os.PathLike) -> None:
    """search/search_index.js: the index as a script, which a page opened from disk may load
    (Material's bundle asks for it on file://, where it may not fetch the JSON)."""
    index = Path(site_dir) / "search" / "search_index.json"
    if index.is_file():
        index.with_suffix(".js").write_text(f"var __index = {index.read_text(encoding='utf-8')}", encoding="utf-8")


def write_site_zip(site_dir: str | os.PathLike, epoch: int | None = None) -> Path:
    """SITE_ZIP in `site_dir`: every file of the site (not the zip itself) under ZIP_FOLDER/.

    Files in name order, dated `epoch` (SOURCE_DATE_EPOCH) when given: two builds of one
    commit give the same zip.  Written beside, then renamed: never half a zip at its name."""
    site = Path(site_dir)
    target = site / SITE_ZIP
    partial = site / f".{SITE_ZIP}.part"
    stamp = dt.datetime.fromtimestamp(max(epoch, 315532800), dt.timezone.utc).timetuple()[:6] if epoch is not None else None
    files = sorted(path for path in site.rglob("*") if path.is_file() and path not in (target, partial))
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=ZIP_LEVEL) as archive:
        for path in files:
            name = f"{ZIP_FOLDER}/{path.relative_to(site).as_posix()}"
            method = zipfile.ZIP_STORED if path.suffix.lower() in PACKED_ALREADY else zipfile.ZIP_DEFLATED
            if stamp is None:
                archive.write(path, name, compress_type=method)
                continue
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = method
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes(), compresslevel=ZIP_LEVEL)
    partial.replace(target)
    return target

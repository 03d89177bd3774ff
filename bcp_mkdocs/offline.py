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
from collections.abc import Sequence
from pathlib import Path

# The zip of the whole site, at the site's top (linked from the home page), and the one
# folder it unpacks into.
SITE_ZIP = "bcp-site.zip"
ZIP_FOLDER = "bcp-site"
# The zip's last part is written when every PDF is done: the fastest deflate level (a few percent larger
# than level 6, a third of the time), and files that are compressed already stored as they are.
ZIP_LEVEL = 1
PACKED_ALREADY = frozenset({".pdf", ".woff2", ".woff", ".png", ".jpg", ".jpeg", ".gif", ".gz", ".zip"})


def write_disk_search_index(site_dir: str | os.PathLike) -> None:
    """search/search_index.js: the index as a script, which a page opened from disk may load
    (Material's bundle asks for it on file://, where it may not fetch the JSON)."""
    index = Path(site_dir) / "search" / "search_index.json"
    if index.is_file():
        index.with_suffix(".js").write_text(f"var __index = {index.read_text(encoding='utf-8')}", encoding="utf-8")


def write_site_zip(site_dir: str | os.PathLike, epoch: int | None = None) -> Path:
    """SITE_ZIP in `site_dir`: every file of the site (not the zip itself) under ZIP_FOLDER/."""
    return SiteZip(site_dir, epoch).finish()


class SiteZip:
    """SITE_ZIP, written in two steps: every file of the site but those at or under `later`
    (paths in the site), when the zip is started (the pages are done; `make site` does it while
    the PDFs are laid out), then those (the PDFs) and the name.

    Files in name order within each step, dated `epoch` (SOURCE_DATE_EPOCH) when given: two
    builds of one commit give the same zip.  Written beside, then renamed: never half a zip at
    its name."""

    def __init__(self, site_dir: str | os.PathLike, epoch: int | None = None, later: Sequence[str] = ()) -> None:
        self.site = Path(site_dir)
        self.target = self.site / SITE_ZIP
        self.partial = self.site / f".{SITE_ZIP}.part"
        self.later = [self.site / path for path in later]
        self.stamp = dt.datetime.fromtimestamp(max(epoch, 315532800), dt.timezone.utc).timetuple()[:6] \
            if epoch is not None else None
        self.archive: zipfile.ZipFile | None = zipfile.ZipFile(
            self.partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=ZIP_LEVEL)
        try:
            self._add(path for path in self._files() if not self._is_later(path))
        except BaseException:
            self.abandon()
            raise

    def finish(self) -> Path:
        """The files under `later`, then the zip under its name."""
        assert self.archive is not None, "finished or abandoned already"
        try:
            self._add(path for path in self._files() if self._is_later(path))
            self.archive.close()
            self.archive = None
            self.partial.replace(self.target)
        except BaseException:
            self.abandon()
            raise
        return self.target

    def abandon(self) -> None:
        """No zip (the build failed): the partial file removed."""
        if self.archive is not None:
            self.archive.close()
            self.archive = None
        self.partial.unlink(missing_ok=True)

    def _files(self) -> list[Path]:
        return sorted(path for path in self.site.rglob("*") if path.is_file() and path not in (self.target, self.partial))

    def _is_later(self, path: Path) -> bool:
        return any(path.is_relative_to(later) for later in self.later)

    def _add(self, files) -> None:
        for path in files:
            name = f"{ZIP_FOLDER}/{path.relative_to(self.site).as_posix()}"
            method = zipfile.ZIP_STORED if path.suffix.lower() in PACKED_ALREADY else zipfile.ZIP_DEFLATED
            if self.stamp is None:
                self.archive.write(path, name, compress_type=method)
                continue
            info = zipfile.ZipInfo(name, date_time=self.stamp)
            info.compress_type = method
            info.external_attr = 0o644 << 16
            self.archive.writestr(info, path.read_bytes(), compresslevel=ZIP_LEVEL)

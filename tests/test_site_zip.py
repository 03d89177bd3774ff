"""The whole site as one zip (`make site`), and the search index a copy on disk reads."""

from __future__ import annotations

import zipfile

from bcp_mkdocs.offline import SITE_ZIP, ZIP_FOLDER, write_site_zip
from conftest import SOURCE_DATE_EPOCH


def _site_files(site):
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def test_make_site_zips_the_whole_site_into_one_folder(lampang_site_pdf):
    with zipfile.ZipFile(lampang_site_pdf / SITE_ZIP) as archive:
        names = archive.namelist()
        assert archive.testzip() is None
        assert archive.read(f"{ZIP_FOLDER}/index.html") == (lampang_site_pdf / "index.html").read_bytes()
    assert all(name.startswith(f"{ZIP_FOLDER}/") for name in names)
    inside = {name.removeprefix(f"{ZIP_FOLDER}/") for name in names}
    assert inside == _site_files(lampang_site_pdf) - {SITE_ZIP}  # everything, not itself
    assert len(names) == len(inside)
    for part in ("index.html", "bia/index.html", "search/search_index.js", "pdf/plan.pdf",
                 "assets/vendor/iframe-worker/shim.js", "assets/vendor/iframe-worker/LICENSE"):
        assert part in inside, part
    assert not [name for name in names if name.endswith(".zip") or ".part" in name]


def test_the_home_page_links_the_zip_only_when_it_is_built(lampang_site_pdf, lampang_site, lampang_plan):
    label = lampang_plan.labels.site_zip_link
    home = (lampang_site_pdf / "index.html").read_text(encoding="utf-8")
    assert f'href="{SITE_ZIP}" type="application/zip" download>{label}</a>' in home
    # The preview (no PDFs) makes no zip and links none.
    assert not (lampang_site / SITE_ZIP).exists()
    assert SITE_ZIP not in (lampang_site / "index.html").read_text(encoding="utf-8")


def test_the_index_for_disk_is_the_search_index(lampang_site):
    index = (lampang_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert (lampang_site / "search" / "search_index.js").read_text(encoding="utf-8") == f"var __index = {index}"


def test_the_same_site_gives_the_same_zip(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text("<p>หน้าแรก</p>", encoding="utf-8")
    (site / "a" / "index.html").write_text("<p>ก</p>", encoding="utf-8")
    first = write_site_zip(site, int(SOURCE_DATE_EPOCH)).read_bytes()
    (site / "a" / "index.html").touch()
    second = write_site_zip(site, int(SOURCE_DATE_EPOCH)).read_bytes()  # the first zip is there: left out
    assert first == second
    with zipfile.ZipFile(site / SITE_ZIP) as archive:
        assert archive.namelist() == [f"{ZIP_FOLDER}/a/index.html", f"{ZIP_FOLDER}/index.html"]
        assert {info.date_time for info in archive.infolist()} == {(2023, 1, 3, 0, 0, 0)}


def test_the_pdfs_laid_out_while_the_zip_is_started_go_in_last(tmp_path):
    """`make site` zips the pages while the PDFs are laid out: a PDF written meanwhile is in the
    zip whole, after the pages; a zip abandoned (a failed build) leaves no file behind."""
    from bcp_mkdocs.offline import SiteZip

    site = tmp_path / "site"
    (site / "pdf").mkdir(parents=True)
    (site / "index.html").write_text("<p>หน้าแรก</p>", encoding="utf-8")
    (site / "pdf" / "plan.pdf").write_bytes(b"%PDF-half")  # being written when the zip starts
    started = SiteZip(site, int(SOURCE_DATE_EPOCH), later=["pdf"])
    assert not (site / SITE_ZIP).exists()
    (site / "pdf" / "plan.pdf").write_bytes(b"%PDF-whole")
    (site / "pdf" / "cards.pdf").write_bytes(b"%PDF-cards")
    started.finish()
    with zipfile.ZipFile(site / SITE_ZIP) as archive:
        assert archive.namelist() == [f"{ZIP_FOLDER}/index.html", f"{ZIP_FOLDER}/pdf/cards.pdf", f"{ZIP_FOLDER}/pdf/plan.pdf"]
        assert archive.read(f"{ZIP_FOLDER}/pdf/plan.pdf") == b"%PDF-whole"
    (site / SITE_ZIP).unlink()
    SiteZip(site, int(SOURCE_DATE_EPOCH), later=["pdf"]).abandon()
    assert sorted(path.name for path in site.iterdir()) == ["index.html", "pdf"]

"""The public edition (BCP_EDITION=public): the same site and PDFs, no personal data.

Every file of the public build is read (pages, search index, sitemap, scripts,
the PDFs' text, metadata and bookmarks) and searched for every name and
personal number in the data.  The same scan finds them in the internal build
of the same data, so it can fail.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import SOURCE_DATE_EPOCH, DataCopy, build_site, page_text

pytestmark = pytest.mark.long_running  # started first by make test (tests/conftest.py)

# Mobiles are not in the Lampang data: two are added, and an approver named in free text;
# a role gets two ordered backups (the list form goes through the public edition too).
MOBILES = {"wanphen": "0812345678", "krit": "0898765432"}
APPROVER = "นางวันเพ็ญ พึ่งพิบูลย์ ประกันสังคมจังหวัดลำปาง"


def _personal_data_copy(folder: Path) -> DataCopy:
    copy = DataCopy(folder)
    for person_id, mobile in MOBILES.items():
        copy.replace("people.yaml", f"  - id: {person_id}\n", f"  - id: {person_id}\n    mobile: \"{mobile}\"\n")
    copy.replace("revisions.yaml", "    approved_by: null\n", f"    approved_by: {APPROVER}\n")
    copy.replace("teams.yaml", "{role: member, primary: jirayu, backup: wichan}", "{role: member, primary: jirayu, backups: [wichan, uraiwan]}")
    return copy


@pytest.fixture(scope="session")
def personal_data(tmp_path_factory) -> DataCopy:
    return _personal_data_copy(tmp_path_factory.mktemp("personal") / "data")


@pytest.fixture(scope="session")
def public_site(personal_data, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("public") / "site"
    result = build_site(out, data=personal_data.folder, edition="public", pdf=True,
                        extra_env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def internal_site(personal_data, tmp_path_factory) -> Path:
    """The same data, internal edition (no PDFs: lampang_site_pdf has those), for the control scans."""
    out = tmp_path_factory.mktemp("internal") / "site"
    result = build_site(out, data=personal_data.folder)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def personal_plan(personal_data):
    return personal_data.load()


# --- reading every file of a build as text -----------------------------------------


def _theme_files() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def _is_theme_file(site: Path, path: Path) -> bool:
    """Copied unchanged from Material (its Thai word list for lunr holds common words that are also names)."""
    original = _theme_files() / path.relative_to(site)
    return original.is_file() and original.read_bytes() == path.read_bytes()


def _pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    reader = PdfReader(path)
    metadata = " ".join(str(value) for value in (reader.metadata or {}).values())

    def titles(outline) -> list[str]:
        return [t for item in outline for t in (titles(item) if isinstance(item, list) else [item.title])]

    return "\n".join([text, metadata, *titles(reader.outline)])


def _file_text(path: Path) -> str:
    raw = path.read_bytes()
    if path.suffix == ".pdf":
        return _pdf_text(path)
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    text = raw.decode("utf-8", errors="replace")
    if path.suffix == ".json":  # the search index writes Thai as \\u0e.. escapes
        text = json.dumps(json.loads(text), ensure_ascii=False)
    return text


def _normal(text: str) -> str:
    # The search index puts U+200B between Thai words; PDFs' text decomposes SARA AM.
    return unicodedata.normalize("NFKC", text).replace("\u200b", "")


def build_texts(site: Path) -> dict[str, str]:
    """Every file of the build that is not Material's own, as normalised text."""
    texts = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix in {".woff2", ".ttf", ".woff", ".png", ".ico", ".svg"} \
                or _is_theme_file(site, path):
            continue
        texts[str(path.relative_to(site))] = _normal(_file_text(path))
    return texts


def _thai(number: str) -> str:
    return number.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


def personal_data_found(texts: dict[str, str], plan) -> list[str]:
    """Where a name, an extension or a mobile of a person in `plan` appears."""
    found = []
    for person in plan.people.values():
        words = {person.full_name, person.first_name, person.last_name}
        for word in words:
            found += [f"{name}: {word}" for name, text in texts.items() if _normal(word) in text]
        if person.extension:
            extension = re.compile(rf"ต่อ\s*(?:{person.extension}|{_thai(person.extension)})(?![0-9๐-๙])")
            found += [f"{name}: ต่อ {person.extension}" for name, text in texts.items() if extension.search(text)]
        if person.mobile:
            m = person.mobile
            forms = {m, _thai(m), f"{m[:3]} {m[3:6]} {m[6:]}", _thai(f"{m[:3]} {m[3:6]} {m[6:]}"), f"+66{m[1:]}"}
            found += [f"{name}: {form}" for name, text in texts.items() for form in forms if form in text]
    return found


@pytest.fixture(scope="session")
def public_texts(public_site) -> dict[str, str]:
    return build_texts(public_site)


# --- the scan --------------------------------------------------------------------


def test_the_public_build_holds_no_name_and_no_personal_number(public_texts, personal_plan):
    assert any(name.endswith(".pdf") for name in public_texts), "the PDFs are scanned"
    assert "search/search_index.json" in public_texts and "sitemap.xml.gz" in public_texts
    assert personal_data_found(public_texts, personal_plan) == []


def test_the_scan_finds_them_in_the_internal_build(internal_site, lampang_site_pdf, personal_plan, lampang_plan):
    """Control: the same scan fails on the internal edition (pages, index, sitemap and PDFs)."""
    internal = build_texts(internal_site)
    found = personal_data_found(internal, personal_plan)
    for person in personal_plan.people.values():
        assert f"teams/index.html: {person.full_name}" in found or not personal_plan.assignments(person.id)
        assert f"search/search_index.json: {person.last_name}" in found
        assert f"teams/index.html: ต่อ {person.extension}" in found
    for mobile in MOBILES.values():
        assert f"teams/index.html: {_thai(mobile[:3])} {_thai(mobile[3:6])} {_thai(mobile[6:])}" in found
    pdfs = {name: text for name, text in build_texts(lampang_site_pdf).items() if name.endswith(".pdf")}
    in_pdfs = personal_data_found(pdfs, lampang_plan)
    assert f"pdf/cards/wanphen.pdf: {lampang_plan.people['wanphen'].full_name}" in in_pdfs
    assert "pdf/duties/wanphen.pdf: ต่อ 209" in in_pdfs
    assert f"pdf/wallet.pdf: {lampang_plan.people['wanphen'].full_name}" in in_pdfs
    assert any(hit.startswith("pdf/call-tree.pdf: ต่อ") for hit in in_pdfs)


def test_person_ids_made_from_names_are_nowhere(public_texts, personal_plan):
    ids = re.compile(r"\b(" + "|".join(map(re.escape, personal_plan.people)) + r")\b")
    assert [f"{name}: {m.group()}" for name, text in public_texts.items() for m in ids.finditer(text)] == []


def test_positions_and_the_office_number_stay(public_site, public_texts, personal_plan):
    teams = page_text(public_site, "teams")
    for person in personal_plan.people.values():
        if person.position:
            assert person.position in teams
    assert "ผู้ปฏิบัติงาน (ไม่ระบุตำแหน่ง)" in teams  # three people have no position
    office = "๐ ๕๔๒๖ ๕๐๑๘–๒๑"
    assert office in teams
    for pdf in ("pdf/plan.pdf", "pdf/call-tree.pdf"):
        assert _normal("นักวิชาการแรงงานชำนาญการ") in public_texts[pdf]
        assert _normal(office) in public_texts[pdf].replace("-", "–")


def test_people_who_share_a_position_are_told_apart(public_site):
    tree = page_text(public_site, "call-tree")
    for n in "๑๒๓":
        assert f"นักวิชาการแรงงานชำนาญการ (คนที่ {n})" in tree


def test_pages_with_personal_data_are_not_built(public_site, public_texts):
    assert not (public_site / "cards").exists()
    assert not (public_site / "data-notes").exists()
    assert not (public_site / "owner-guide").exists()
    assert not (public_site / "pdf" / "cards").exists() and not (public_site / "pdf" / "cards.pdf").exists()
    assert not (public_site / "pdf" / "duties").exists() and not (public_site / "pdf" / "wallet.pdf").exists()
    assert (public_site / "pdf" / "plan.pdf").exists() and (public_site / "pdf" / "checklists.pdf").exists()
    for name in ("sitemap.xml", "search/search_index.json"):
        assert "cards/" not in public_texts[name] and "data-notes" not in public_texts[name], name
    nav = BeautifulSoup((public_site / "index.html").read_text(encoding="utf-8"), "html.parser").select(".md-nav")
    links = [a["href"] for n in nav for a in n.find_all("a", href=True)]
    assert links and not [h for h in links if "cards" in h or "data-notes" in h or "owner-guide" in h]


def test_the_approver_is_withheld(public_site):
    assert "ไม่เปิดเผยในฉบับเผยแพร่" in page_text(public_site, "revisions")


def test_the_internal_edition_keeps_everything(internal_site, personal_plan):
    assert (internal_site / "cards" / "wanphen" / "index.html").exists()
    assert APPROVER in page_text(internal_site, "revisions")
    assert "นางวันเพ็ญ พึ่งพิบูลย์" in page_text(internal_site, "call-tree")


def test_every_backup_in_a_list_is_made_anonymous(personal_data):
    from bcp.edition import public_plan

    plan = public_plan(personal_data.load())
    role = plan.teams["relief"].roles[1]
    assert role.backups == ["p10", "p11"] and all(b in plan.people for b in role.backups)
    assert [plan.people[b].full_name for b in role.backups] == ["นิติกร ๔", "ผู้ปฏิบัติงาน (ไม่ระบุตำแหน่ง) (คนที่ ๑)"]

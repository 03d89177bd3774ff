"""Thai typesetting helpers for the Business Continuity Plan.

Standard library only: the module is imported by MkDocs hooks, the PDF
build and the tests alike, so it must not drag in any dependency.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

__all__ = [
    "THAI_MONTHS",
    "THAI_MONTHS_ABBR",
    "arabic_digits",
    "buddhist_year",
    "digits",
    "format_extension",
    "format_phone",
    "has_thai_typing_problems",
    "normalize_phone",
    "normalize_thai",
    "pdf_text",
    "tel_uri",
    "thai_date",
    "thai_datetime",
    "thai_digits",
]

# ---------------------------------------------------------------------------
# Digits
# ---------------------------------------------------------------------------

_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def thai_digits(value: str | int | None) -> str:
    """Return ``str(value)`` with ASCII digits 0-9 replaced by Thai digits."""
    if value is None:
        return ""
    return str(value).translate(_TO_THAI)


def arabic_digits(text: str | None) -> str:
    """Return *text* with Thai digits replaced by ASCII digits."""
    if text is None:
        return ""
    return str(text).translate(_TO_ARABIC)


def digits(value: str | int | None, thai: bool = True) -> str:
    """Render *value* with Thai digits if *thai*, else unchanged (None -> "")."""
    if value is None:
        return ""
    return thai_digits(value) if thai else str(value)


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------

THAI_MONTHS: tuple[str, ...] = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)

THAI_MONTHS_ABBR: tuple[str, ...] = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)

_BE_OFFSET = 543


def buddhist_year(year: int) -> int:
    """Convert a Common Era year to the Buddhist Era (พ.ศ.)."""
    return year + _BE_OFFSET


def thai_date(d: datetime.date, thai: bool = True, abbr: bool = False) -> str:
    """Format *d* as "๓ มกราคม ๒๕๖๖" (day without leading zero, B.E. year)."""
    months = THAI_MONTHS_ABBR if abbr else THAI_MONTHS
    text = f"{d.day} {months[d.month - 1]} {buddhist_year(d.year)}"
    return digits(text, thai)


def thai_datetime(dt: datetime.datetime, thai: bool = True, abbr: bool = False) -> str:
    """Format *dt* as "๓ มกราคม ๒๕๖๖ เวลา ๐๙.๐๕ น." (official Thai style)."""
    # Official Thai documents write time as HH.MM followed by "น." (นาฬิกา).
    time = f"{dt.hour:02d}.{dt.minute:02d}"
    return f"{thai_date(dt, thai=thai, abbr=abbr)} เวลา {digits(time, thai)} น."


# ---------------------------------------------------------------------------
# Phone numbers
# ---------------------------------------------------------------------------

# Landlines: 0 + area code 2-7 + 7 digits; mobiles: 06/08/09 + 8 digits.
_LANDLINE_RE = re.compile(r"0[2-7]\d{7}")
_MOBILE_RE = re.compile(r"0[689]\d{8}")
# Grouping characters people type; dashes are handled separately because a
# trailing dash may introduce a range of last digits.
_STRIP_RE = re.compile(r"[\s.()\u00a0\u200b]")
_DASHES_RE = re.compile(r"[-\u2010-\u2015\u2212]")
# A block of lines never spans more than the last four digits.
_MAX_RANGE_DIGITS = 4


def _phone_error(raw: str, reason: str) -> ValueError:
    return ValueError(f"หมายเลขโทรศัพท์ไม่ถูกต้อง: {raw!r} ({reason})")


def _is_valid_single(number: str) -> bool:
    return bool(_LANDLINE_RE.fullmatch(number) or _MOBILE_RE.fullmatch(number))


def normalize_phone(raw: str) -> str:
    """Normalise a Thai phone number to ASCII digits, e.g. "054265018-21".

    Accepts Thai digits, spaces, dots, parentheses, grouping dashes and a
    leading +66. A trailing "-NN" gives the last digits of a block of
    landlines. Raises ValueError (Thai message) for anything else,
    including bare internal extensions.
    """
    if raw is None:
        raise _phone_error(raw, "ไม่มีหมายเลข")
    text = _STRIP_RE.sub("", arabic_digits(str(raw)))
    if text.startswith("+66"):
        text = "0" + text[3:]
    parts = _DASHES_RE.split(text)
    if not text or not all(p.isascii() and p.isdigit() for p in parts):
        raise _phone_error(raw, "มีอักขระที่ไม่ใช่ตัวเลข")

    joined = "".join(parts)
    if _is_valid_single(joined):
        # Every dash was only a grouping separator, e.g. "02-123-4567".
        return joined

    # Otherwise the last dash-separated part must be a range suffix.
    start = "".join(parts[:-1])
    end = parts[-1]
    if len(parts) < 2 or not _is_valid_single(start):
        raise _phone_error(raw, "ต้องเป็นเลข ๙ หลักสำหรับโทรศัพท์พื้นฐาน หรือ ๑๐ หลักสำหรับโทรศัพท์มือถือ")
    if not _LANDLINE_RE.fullmatch(start):
        raise _phone_error(raw, "ช่วงหมายเลขใช้ได้เฉพาะโทรศัพท์พื้นฐาน")
    if not 1 <= len(end) <= _MAX_RANGE_DIGITS:
        raise _phone_error(raw, "ช่วงหมายเลขไม่ถูกต้อง")
    if int(end) <= int(start[-len(end):]):
        raise _phone_error(raw, "เลขท้ายของช่วงต้องมากกว่าเลขเริ่มต้น")
    return f"{start}-{end}"


def _split_phone(number: str) -> tuple[str, str]:
    normalized = normalize_phone(number)
    start, _, end = normalized.partition("-")
    return start, end


def format_phone(number: str, thai: bool = True) -> str:
    """Group a phone number Thai style: "0 5426 5018", "0 2123 4567", "081 234 5678".

    A range is written with an EN DASH: "0 5426 5018–21".
    """
    start, end = _split_phone(number)
    if len(start) == 10:
        grouped = f"{start[:3]} {start[3:6]} {start[6:]}"
    else:
        # Bangkok (02) and provincial landlines both group as 0 xxxx xxxx
        # because the area code digit(s) are folded into the first block.
        grouped = f"{start[0]} {start[1:5]} {start[5:]}"
    if end:
        grouped += f"\u2013{end}"
    return digits(grouped, thai)


def tel_uri(number: str) -> str:
    """Return an E.164 ``tel:`` URI for *number* (first number of a range)."""
    start, _ = _split_phone(number)
    return f"tel:+66{start[1:]}"


def format_extension(ext: str | int | None, thai: bool = True) -> str:
    """Format an internal extension as "ต่อ ๒๐๙" (None or "" -> "")."""
    if ext is None:
        return ""
    text = arabic_digits(str(ext)).strip()
    # Tolerate data that already carries the prefix.
    for prefix in ("ต่อ", "ext.", "ext", "x"):
        if text.lower().startswith(prefix):
            text = text[len(prefix):].strip()
            break
    if not text:
        return ""
    if not re.fullmatch(r"\d+(?:\s*[-,/]\s*\d+)*", text):
        raise ValueError(f"หมายเลขต่อภายในไม่ถูกต้อง: {ext!r}")
    return f"ต่อ {digits(text, thai)}"


# ---------------------------------------------------------------------------
# Thai text normalisation
# ---------------------------------------------------------------------------

_NIKHAHIT = "\u0e4d"
_SARA_AA = "\u0e32"
_SARA_AM = "\u0e33"
# Thai combining (non-spacing) marks: MAI HAN-AKAT, vowels above/below,
# MAITAIKHU, tone marks, THANTHAKHAT, NIKHAHIT, YAMAKKAN.
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_DOUBLED_MARK_RE = re.compile(f"([{_MARKS}])\\1+")
# NIKHAHIT + SARA AA, possibly with tone marks typed in between
# (people type the visual order of น้ำ as น ํ ้ า).
_DECOMPOSED_AM_RE = re.compile(f"{_NIKHAHIT}([\u0e48-\u0e4b]*){_SARA_AA}")


def _fix_thai_once(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _DOUBLED_MARK_RE.sub(r"\1", text)
    return _DECOMPOSED_AM_RE.sub(lambda m: m.group(1) + _SARA_AM, text)


def normalize_thai(text: str) -> str:
    """NFC plus fixes for decomposed SARA AM and doubled combining marks."""
    # Iterate because one fix can expose another (e.g. ่ ํ ่ า -> ่ ่ ำ).
    previous = None
    while text != previous:
        previous, text = text, _fix_thai_once(text)
    return text


def has_thai_typing_problems(text: str) -> bool:
    """Tell whether normalize_thai() would change *text*."""
    return normalize_thai(text) != text


def pdf_text(text: str) -> str:
    """Write every SARA AM as NIKHAHIT + SARA AA for WeasyPrint's PDF text layer.

    WeasyPrint maps the SARA AM glyph wrongly in the extracted text; the
    decomposed form renders identically and extracts correctly under NFKC.
    """
    return text.replace(_SARA_AM, _NIKHAHIT + _SARA_AA)

"""Tests for bcp.thai (Thai digits, dates, phone numbers, text fixes)."""

import datetime
import unicodedata

import pytest

from bcp import thai


# --- digits -----------------------------------------------------------------

@pytest.mark.parametrize(
    "value, expected",
    [
        (None, ""),
        (0, "๐"),
        (2566, "๒๕๖๖"),
        (-15, "-๑๕"),
        ("0123456789", "๐๑๒๓๔๕๖๗๘๙"),
        ("ข้อ 3.2 (ก)", "ข้อ ๓.๒ (ก)"),
        ("", ""),
        ("๑๒3", "๑๒๓"),
    ],
)
def test_thai_digits(value, expected):
    assert thai.thai_digits(value) == expected


def test_arabic_digits():
    assert thai.arabic_digits("๐๑๒๓๔๕๖๗๘๙") == "0123456789"
    assert thai.arabic_digits("ชั้น ๓ ห้อง 12") == "ชั้น 3 ห้อง 12"
    assert thai.arabic_digits("") == ""


def test_digits_roundtrip():
    text = "โทร 054265018 ต่อ 209"
    assert thai.arabic_digits(thai.thai_digits(text)) == text


@pytest.mark.parametrize(
    "value, use_thai, expected",
    [
        (None, True, ""),
        (None, False, ""),
        (0, True, "๐"),
        (0, False, "0"),
        (42, False, "42"),
        ("42", True, "๔๒"),
    ],
)
def test_digits(value, use_thai, expected):
    assert thai.digits(value, thai=use_thai) == expected


def test_digits_default_is_thai():
    assert thai.digits(7) == "๗"


# --- dates ------------------------------------------------------------------

def test_month_tables():
    assert len(thai.THAI_MONTHS) == 12
    assert len(thai.THAI_MONTHS_ABBR) == 12
    assert thai.THAI_MONTHS[0] == "มกราคม"
    assert thai.THAI_MONTHS[1] == "กุมภาพันธ์"
    assert thai.THAI_MONTHS[6] == "กรกฎาคม"
    assert thai.THAI_MONTHS[11] == "ธันวาคม"
    assert thai.THAI_MONTHS_ABBR[0] == "ม.ค."
    assert thai.THAI_MONTHS_ABBR[3] == "เม.ย."
    assert thai.THAI_MONTHS_ABBR[11] == "ธ.ค."
    assert isinstance(thai.THAI_MONTHS, tuple)
    assert isinstance(thai.THAI_MONTHS_ABBR, tuple)


def test_buddhist_year():
    assert thai.buddhist_year(2023) == 2566
    assert thai.buddhist_year(2024) == 2567
    assert thai.buddhist_year(0) == 543


@pytest.mark.parametrize(
    "d, use_thai, abbr, expected",
    [
        (datetime.date(2023, 1, 3), True, False, "๓ มกราคม ๒๕๖๖"),
        (datetime.date(2023, 1, 3), False, False, "3 มกราคม 2566"),
        (datetime.date(2023, 1, 3), True, True, "๓ ม.ค. ๒๕๖๖"),
        (datetime.date(2023, 1, 3), False, True, "3 ม.ค. 2566"),
        # Year boundaries: B.E. year changes together with the C.E. year.
        (datetime.date(2023, 12, 31), True, False, "๓๑ ธันวาคม ๒๕๖๖"),
        (datetime.date(2024, 1, 1), True, False, "๑ มกราคม ๒๕๖๗"),
        (datetime.date(2024, 1, 1), False, True, "1 ม.ค. 2567"),
        (datetime.date(2024, 2, 29), False, False, "29 กุมภาพันธ์ 2567"),
        (datetime.date(2025, 10, 10), True, False, "๑๐ ตุลาคม ๒๕๖๘"),
    ],
)
def test_thai_date(d, use_thai, abbr, expected):
    assert thai.thai_date(d, thai=use_thai, abbr=abbr) == expected


def test_thai_date_defaults():
    assert thai.thai_date(datetime.date(2023, 1, 3)) == "๓ มกราคม ๒๕๖๖"


@pytest.mark.parametrize(
    "dt, use_thai, expected",
    [
        (datetime.datetime(2023, 1, 3, 9, 5), True, "๓ มกราคม ๒๕๖๖ เวลา ๐๙.๐๕ น."),
        (datetime.datetime(2023, 1, 3, 9, 5), False, "3 มกราคม 2566 เวลา 09.05 น."),
        (datetime.datetime(2023, 12, 31, 23, 59, 59), False, "31 ธันวาคม 2566 เวลา 23.59 น."),
        (datetime.datetime(2024, 1, 1, 0, 0), True, "๑ มกราคม ๒๕๖๗ เวลา ๐๐.๐๐ น."),
    ],
)
def test_thai_datetime(dt, use_thai, expected):
    assert thai.thai_datetime(dt, thai=use_thai) == expected


def test_thai_datetime_default_is_thai():
    dt = datetime.datetime(2023, 1, 3, 16, 30)
    assert thai.thai_datetime(dt) == "๓ มกราคม ๒๕๖๖ เวลา ๑๖.๓๐ น."


# --- phone numbers -----------------------------------------------------------

@pytest.mark.parametrize(
    "raw, expected",
    [
        ("054265018", "054265018"),
        ("054-265018", "054265018"),
        ("0 5426 5018", "054265018"),
        ("(054) 265-018", "054265018"),
        ("054.265.018", "054265018"),
        ("๐๕๔๒๖๕๐๑๘", "054265018"),
        ("021234567", "021234567"),
        ("02-123-4567", "021234567"),
        ("0812345678", "0812345678"),
        ("081-234-5678", "0812345678"),
        ("๐๘๑ ๒๓๔ ๕๖๗๘", "0812345678"),
        ("0612345678", "0612345678"),
        ("0912345678", "0912345678"),
        ("+66 81 234 5678", "0812345678"),
        ("  054265018  ", "054265018"),
        # Ranges of last digits for a block of landlines.
        ("054265018-21", "054265018-21"),
        ("054-265018-21", "054265018-21"),
        ("0 5426 5018 - 21", "054265018-21"),
        ("๐๕๔๒๖๕๐๑๘-๒๑", "054265018-21"),
        ("054265018–21", "054265018-21"),
        ("054265018-9", "054265018-9"),
        ("021234567-69", "021234567-69"),
    ],
)
def test_normalize_phone(raw, expected):
    assert thai.normalize_phone(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "209",  # extension alone
        "1234",  # extension alone
        "05426501",  # too short
        "05426501812",  # 11 digits, not a range
        "154265018",  # landline must start with 0
        "0012345678",  # 00 is not a Thai prefix
        "0512345678",  # 10 digits but not a mobile prefix
        "0812345678-79",  # ranges only on landlines
        "054265018-18",  # end equal to start
        "054265018-17",  # end below start
        "054265018-8",  # end below start (one digit)
        "054265018-",  # empty range end
        "054265018-12345",  # range too long
        "054265018 ต่อ 209",  # extension must be separate
        "054265018x",
        "tel:054265018",
    ],
)
def test_normalize_phone_invalid(raw):
    with pytest.raises(ValueError):
        thai.normalize_phone(raw)


def test_normalize_phone_error_message_is_thai():
    with pytest.raises(ValueError, match="หมายเลขโทรศัพท์ไม่ถูกต้อง"):
        thai.normalize_phone("12")


@pytest.mark.parametrize(
    "number, use_thai, expected",
    [
        # Provincial landline.
        ("054265018", False, "0 5426 5018"),
        ("054265018", True, "๐ ๕๔๒๖ ๕๐๑๘"),
        # Bangkok landline.
        ("021234567", False, "0 2123 4567"),
        ("021234567", True, "๐ ๒๑๒๓ ๔๕๖๗"),
        # Mobile.
        ("0812345678", False, "081 234 5678"),
        ("0812345678", True, "๐๘๑ ๒๓๔ ๕๖๗๘"),
        # Ranges use an EN DASH.
        ("054265018-21", False, "0 5426 5018\u201321"),
        ("054265018-21", True, "๐ ๕๔๒๖ ๕๐๑๘\u2013๒๑"),
        ("021234567-69", False, "0 2123 4567\u201369"),
        # Raw input is normalised first.
        ("054-265018", False, "0 5426 5018"),
    ],
)
def test_format_phone(number, use_thai, expected):
    assert thai.format_phone(number, thai=use_thai) == expected


def test_format_phone_default_is_thai():
    assert thai.format_phone("0812345678") == "๐๘๑ ๒๓๔ ๕๖๗๘"


def test_format_phone_invalid():
    with pytest.raises(ValueError):
        thai.format_phone("209")


@pytest.mark.parametrize(
    "number, expected",
    [
        ("054265018", "tel:+6654265018"),
        ("054265018-21", "tel:+6654265018"),
        ("021234567", "tel:+6621234567"),
        ("0812345678", "tel:+66812345678"),
        ("081-234-5678", "tel:+66812345678"),
    ],
)
def test_tel_uri(number, expected):
    assert thai.tel_uri(number) == expected


def test_tel_uri_invalid():
    with pytest.raises(ValueError):
        thai.tel_uri("054-26")


@pytest.mark.parametrize(
    "ext, use_thai, expected",
    [
        ("209", True, "ต่อ ๒๐๙"),
        ("209", False, "ต่อ 209"),
        (209, True, "ต่อ ๒๐๙"),
        (" 209 ", True, "ต่อ ๒๐๙"),
        ("๒๐๙", False, "ต่อ 209"),
        ("ต่อ 209", True, "ต่อ ๒๐๙"),
        ("0", False, "ต่อ 0"),
        (None, True, ""),
        ("", True, ""),
    ],
)
def test_format_extension(ext, use_thai, expected):
    assert thai.format_extension(ext, thai=use_thai) == expected


def test_format_extension_default_is_thai():
    assert thai.format_extension("12") == "ต่อ ๑๒"


def test_format_extension_invalid():
    with pytest.raises(ValueError):
        thai.format_extension("abc")


# --- Thai text normalisation -------------------------------------------------

SARA_AM = "\u0e33"
NIKHAHIT = "\u0e4d"
SARA_AA = "\u0e32"
MAI_EK = "\u0e48"
MAI_THO = "\u0e49"


def test_normalize_thai_decomposed_sara_am():
    assert thai.normalize_thai("น" + NIKHAHIT + SARA_AA) == "น" + SARA_AM
    assert thai.normalize_thai("ท" + NIKHAHIT + SARA_AA + "งาน") == "ทำงาน"


def test_normalize_thai_tone_between_nikhahit_and_sara_aa():
    # Typed in visual order: น ํ ้ า -> น ้ ำ (น้ำ).
    typed = "น" + NIKHAHIT + MAI_THO + SARA_AA
    assert thai.normalize_thai(typed) == "น" + MAI_THO + SARA_AM
    assert thai.normalize_thai(typed) == "น้ำ"


def test_normalize_thai_doubled_marks():
    assert thai.normalize_thai("ก" + MAI_EK + MAI_EK + "า") == "ก" + MAI_EK + "า"
    assert thai.normalize_thai("ก" + MAI_EK * 3) == "ก" + MAI_EK
    assert thai.normalize_thai("ก\u0e34\u0e34") == "ก\u0e34"
    # Different marks are not collapsed.
    assert thai.normalize_thai("ก\u0e34" + MAI_EK) == "ก\u0e34" + MAI_EK


def test_normalize_thai_combined_problems():
    text = "น" + MAI_THO + MAI_THO + NIKHAHIT + SARA_AA
    assert thai.normalize_thai(text) == "น้ำ"


def test_normalize_thai_leaves_correct_text_alone():
    for text in ["", "แผนประคองกิจการ", "น้ำ", "ทำ", "ABC 123", "สำนักงาน"]:
        assert thai.normalize_thai(text) == text


def test_normalize_thai_applies_nfc():
    assert thai.normalize_thai("e\u0301") == "\u00e9"


def test_normalize_thai_idempotent():
    samples = [
        "น" + NIKHAHIT + MAI_THO + SARA_AA,
        "ก" + MAI_EK + NIKHAHIT + MAI_EK + SARA_AA,
        "ก" + MAI_EK * 2 + NIKHAHIT + NIKHAHIT + SARA_AA,
    ]
    for text in samples:
        once = thai.normalize_thai(text)
        assert thai.normalize_thai(once) == once
        assert not thai.has_thai_typing_problems(once)


def test_has_thai_typing_problems():
    assert thai.has_thai_typing_problems("น" + NIKHAHIT + SARA_AA)
    assert thai.has_thai_typing_problems("ก" + MAI_EK + MAI_EK)
    assert thai.has_thai_typing_problems("e\u0301")
    assert not thai.has_thai_typing_problems("น้ำ")
    assert not thai.has_thai_typing_problems("")


def test_pdf_text():
    assert thai.pdf_text("ทำ") == "ท" + NIKHAHIT + SARA_AA
    assert thai.pdf_text("น้ำ") == "น" + MAI_THO + NIKHAHIT + SARA_AA
    assert thai.pdf_text("ไม่มี") == "ไม่มี"
    assert thai.pdf_text("") == ""
    assert SARA_AM not in thai.pdf_text("สำนักงานทำงาน")


@pytest.mark.parametrize("text", ["ทำ", "น้ำ", "สำนักงานทำงาน", "กำหนด ๑๒", "abc", ""])
def test_pdf_text_nfkc_equivalent(text):
    assert unicodedata.normalize("NFKC", thai.pdf_text(text)) == unicodedata.normalize(
        "NFKC", text
    )


def test_pdf_text_reversed_by_normalize_thai():
    text = "สำนักงานทำน้ำ"
    assert thai.normalize_thai(thai.pdf_text(text)) == text

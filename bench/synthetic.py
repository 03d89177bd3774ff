"""Write a synthetic plan: N times the size of a real one, for benchmarks.

    python bench/synthetic.py OUT --scale 10 [--seed 1] [--base data] [--extra-steps 0]

The base plan (default data/) gives the shape; nothing of its wording is kept:
every Thai text is replaced by made-up Thai-looking text of about the same
length, and every person gets a made-up name and numbers.  Ids are kept, so
whatever one file refers to in another still resolves, in files this script
knows nothing about too.

`--scale N` makes N copies of the people, the teams (with their roles and
backups), the units and the procedure steps: copy k > 1 gets ids suffixed
"-k" and its teams are made of copy k's people, its steps name copy k's teams.
The phases and the other sections (BIA, resources, checklist ...) keep the
base plan's size.  `--extra-steps E` adds E more steps cloned from random base
steps, for offices of slightly different sizes.  Same arguments, same output.
"""

from __future__ import annotations

import argparse
import copy
import functools
import random
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent

# --- Thai-looking text ----------------------------------------------------------

_ONSETS = "กขคงจชซดตถทนบปผพฟมยรลวสหอ"
_FINALS = ["", "", "น", "ม", "ง", "ก", "ด", "บ", "ย", "ว"]
_TONES = ["", "", "", "่", "้"]
# (before the onset, after it, needs a final consonant, may take a final consonant)
_VOWELS = [
    ("", "า", False, True), ("", "ิ", False, True), ("", "ี", False, True),
    ("", "ุ", False, True), ("", "ู", False, True), ("", "ั", True, True),
    ("", "ำ", False, False), ("เ", "", False, True), ("แ", "", False, True),
    ("โ", "", False, True), ("ไ", "", False, False), ("เ", "ือ", False, True),
    ("", "อ", False, True), ("", "ึ", True, True),
]
_ABOVE_OR_BELOW = {"ิ", "ี", "ุ", "ู", "ั", "ึ"}
_TITLES = ["นาย", "นาง", "นางสาว"]
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: 77 offices are written in seconds


def syllable(rng: random.Random) -> str:
    onset = rng.choice(_ONSETS)
    before, after, needs_final, takes_final = rng.choice(_VOWELS)
    tone = rng.choice(_TONES)
    final = rng.choice([f for f in _FINALS if f]) if needs_final else (rng.choice(_FINALS) if takes_final else "")
    if after == "ือ":
        return f"{before}{onset}ื{tone}อ{final}"
    if after in _ABOVE_OR_BELOW:  # the tone mark sits on the vowel sign
        return f"{before}{onset}{after}{tone}{final}"
    return f"{before}{onset}{tone}{after}{final}"


def word(rng: random.Random, syllables: tuple[int, int] = (1, 3)) -> str:
    return "".join(syllable(rng) for _ in range(rng.randint(*syllables)))


def thai_text(rng: random.Random, length: int) -> str:
    """About `length` characters of Thai-looking words; spaces between phrases, as in Thai."""
    target = max(2, round(length * rng.uniform(0.8, 1.2)))
    phrases: list[str] = []
    size = 0
    while size < target:
        phrase = "".join(word(rng) for _ in range(rng.randint(1, 4)))
        phrases.append(phrase)
        size += len(phrase) + 1
    return " ".join(phrases)


def scramble(value: Any, rng: random.Random) -> Any:
    """The same structure with every Thai string replaced; ids, numbers, dates kept."""
    if isinstance(value, dict):
        return {key: scramble(item, rng) for key, item in value.items()}
    if isinstance(value, list):
        return [scramble(item, rng) for item in value]
    if isinstance(value, str) and _THAI.search(value):
        return thai_text(rng, len(value))
    return value


# --- people, teams, steps ------------------------------------------------------


def fake_person(person: dict, new_id: str, rng: random.Random) -> dict:
    fake = scramble(person, rng)
    fake.update(id=new_id, title=rng.choice(_TITLES), first_name=word(rng, (2, 3)), last_name=word(rng, (2, 4)))
    if "extension" in person:
        fake["extension"] = f"{rng.randint(100, 999)}"
    if "mobile" in person:
        fake["mobile"] = f"08{rng.randint(0, 99_999_999):08d}"
    return fake


def suffixed(value: str | None, copy_number: int) -> str | None:
    return value if value is None or copy_number == 1 else f"{value}-{copy_number}"


def scale_people(people: dict, scale: int, rng: random.Random) -> dict:
    base = people["people"]
    out = scramble({k: v for k, v in people.items() if k != "people"}, rng)
    out["people"] = [fake_person(p, suffixed(p["id"], k), rng) for k in range(1, scale + 1) for p in base]
    return out


def scale_teams(teams: dict, scale: int, rng: random.Random) -> dict:
    out = scramble(teams, rng)
    base_teams, base_units = teams["teams"], teams.get("units", [])
    out["teams"] = []
    out["units"] = []
    for k in range(1, scale + 1):
        for team in base_teams:
            clone = scramble(team, rng)
            clone["id"] = suffixed(team["id"], k)
            clone["roles"] = [{**role, "primary": suffixed(role["primary"], k),
                               **({"backup": suffixed(role["backup"], k)} if "backup" in role else {}),
                               **({"backups": [suffixed(b, k) for b in role["backups"]]} if "backups" in role else {})}
                              for role in team["roles"]]
            out["teams"].append(clone)
        for unit in base_units:
            clone = scramble(unit, rng)
            clone["id"] = suffixed(unit["id"], k)
            if "teams" in unit:
                clone["teams"] = [suffixed(t, k) for t in unit["teams"]]
            out["units"].append(clone)
    if not base_units:
        out.pop("units")
    return out


def _responsible(parties: list[dict], copy_number: int) -> list[dict]:
    return [{**r, **{key: suffixed(r[key], copy_number) for key in ("team", "unit") if r.get(key)}} for r in parties]


def scale_procedure(procedure: dict, scale: int, extra_steps: int, rng: random.Random) -> dict:
    out = scramble(procedure, rng)
    for phase_out, phase in zip(out["phases"], procedure["phases"]):
        phase_out["steps"] = []
        for k in range(1, scale + 1):
            for step in phase["steps"]:
                clone = scramble(step, rng)
                clone["id"] = suffixed(step["id"], k)
                clone["responsible"] = _responsible(step["responsible"], k)
                phase_out["steps"].append(clone)
    all_steps = [(index, step) for index, phase in enumerate(procedure["phases"]) for step in phase["steps"]]
    for number in range(1, extra_steps + 1):
        index, step = rng.choice(all_steps)
        clone = scramble(step, rng)
        clone["id"] = f"{step['id']}-x{number}"
        clone["responsible"] = _responsible(step["responsible"], rng.randint(1, scale))
        out["phases"][index]["steps"].append(clone)
    return out


# --- the whole folder -----------------------------------------------------------


@functools.lru_cache(maxsize=4)
def _read_base(base: Path) -> tuple[tuple[str, Any], ...]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return tuple((path.name, yaml.load(path.read_text(encoding="utf-8"), Loader=loader))
                 for path in sorted(base.glob("*.yaml")))


def write_plan(out: Path, scale: int = 1, seed: int = 1, base: Path = ROOT / "data", extra_steps: int = 0) -> Path:
    """Write a synthetic data folder into `out` (created); returns `out`."""
    if scale < 1:
        raise ValueError("scale must be 1 or more")
    rng = random.Random(f"bcp-synthetic-{seed}")
    out.mkdir(parents=True, exist_ok=True)
    for name, base_data in _read_base(base.resolve()):
        data = copy.deepcopy(base_data)
        path = base / name
        if path.name == "people.yaml":
            data = scale_people(data, scale, rng)
        elif path.name == "teams.yaml":
            data = scale_teams(data, scale, rng)
        elif path.name == "procedure.yaml":
            data = scale_procedure(data, scale, extra_steps, rng)
        elif path.name == "plan.yaml":
            data = scramble(data, rng)
            data["office"]["name"] = f"สำนักงาน{word(rng, (3, 4))} จังหวัด{word(rng, (2, 3))}"
            data["office"]["phone"] = f"0{rng.randint(20, 79)}{rng.randint(0, 999_999):06d}"
        else:
            data = scramble(data, rng)
        header = f"# ข้อมูลสังเคราะห์สำหรับวัดความเร็ว (scale {scale}, seed {seed}): ไม่ใช่แผนของหน่วยงานจริง\n"
        text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100)
        (out / path.name).write_text(header + text, encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write (created)")
    parser.add_argument("--scale", type=int, default=1, help="copies of people, teams and steps (default 1)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--base", type=Path, default=ROOT / "data", help="the plan whose shape is copied (default data/)")
    parser.add_argument("--extra-steps", type=int, default=0)
    args = parser.parse_args(argv)
    write_plan(args.out, args.scale, args.seed, args.base, args.extra_steps)
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

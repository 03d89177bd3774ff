"""The speed and scale benchmark (`make bench`): one `name: value` line per figure.

    .venv/bin/python bench/run.py [--repeats 3] [--offices 77] [--with-pdf] [--scales 10,50]

Every build is a fresh `mkdocs build --strict` process (bench/child.py, which
also says where the time went inside it); its wall time is measured here and
its peak memory comes from the kernel's accounting of that one child
(os.wait4).  Short builds are repeated and the median is printed.  What each
figure means, and the figures of the last run, are in bench/README.md.
Progress notes go to stderr; stdout holds only the figures.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: bench/ is not an installed package

from bench.synthetic import write_plan  # noqa: E402

CONFIG = ROOT / "mkdocs.yml"
REAL_PLAN = ROOT / "data"


def say(name: str, value: object) -> None:
    if isinstance(value, float):
        value = f"{value:.3f}" if value < 100 else f"{value:.1f}"
    print(f"{name}: {value}", flush=True)


def note(text: str) -> None:
    print(f"# {text}", file=sys.stderr, flush=True)


# --- one build ----------------------------------------------------------------


@dataclass
class Build:
    wall_s: float
    peak_mb: float
    cpu_s: float
    detail: dict = field(default_factory=dict)

    def spent(self, key: str) -> float:
        return self.detail.get("spent", {}).get(key, 0.0)

    def count(self, key: str) -> int:
        return self.detail.get("counts", {}).get(key, 0)

    @property
    def macro_layer_s(self) -> float:
        """Time in the macros plugin and the project's plugin (includes loading the plan)."""
        return sum(v for k, v in self.detail.get("spent", {}).items()
                   if k in ("plugin:macros", "plugin:bcp"))


def build(work: Path, data: Path, config: Path = CONFIG, pdf: bool = False, dump_markdown: Path | None = None,
          keep_site: bool = False) -> Build:
    """One `mkdocs build --strict` in a fresh process; raises when it fails."""
    work.mkdir(parents=True, exist_ok=True)
    site, result, log = work / "site", work / "result.json", work / "build.log"
    shutil.rmtree(site, ignore_errors=True)
    env = {**os.environ, "BCP_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BCP_PDF", None)
    if pdf:
        env["BCP_PDF"] = "1"
    command = [sys.executable, str(ROOT / "bench" / "child.py"), str(config), str(site), str(result)]
    if dump_markdown:
        command += ["--dump-markdown", str(dump_markdown)]
    with open(log, "wb") as output:
        begin = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)  # this child's own rusage, not all children's
        wall = time.perf_counter() - begin
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"build of {data} failed:\n{log.read_text(encoding='utf-8', errors='replace')[-3000:]}")
    detail = json.loads(result.read_text())
    if not keep_site:
        shutil.rmtree(site, ignore_errors=True)
    return Build(wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, detail)


def median_build(repeats: int, work: Path, data: Path, budget_s: float = 60.0, **kwargs) -> tuple[Build, list[Build]]:
    """Repeat a build (at most `repeats` times, stopping early past `budget_s`); the median by wall time."""
    runs: list[Build] = []
    begin = time.perf_counter()
    while len(runs) < repeats and (not runs or time.perf_counter() - begin < budget_s):
        runs.append(build(work, data, **kwargs))
    ordered = sorted(runs, key=lambda b: b.wall_s)
    return ordered[len(ordered) // 2], runs


def median(values: list[float]) -> float:
    return statistics.median(values)


# --- the machine -----------------------------------------------------------------


def machine() -> None:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                         if line.startswith("MemTotal"))
        memory = f"{memory_kb / 1024 / 1024:.1f}"
    except (OSError, StopIteration):
        memory = "unknown"
    say("cpu_cores", os.cpu_count())
    say("cpu_model", cpu)
    say("memory_gb", memory)
    say("os", platform.platform())
    say("python", platform.python_version())
    for package in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "pydantic", "PyYAML", "Jinja2", "weasyprint",
                    "mkdocs-to-pdf"):
        try:
            say(f"version_{package.lower().replace('-', '_')}", metadata.version(package))
        except metadata.PackageNotFoundError:
            pass
    say("load_average_at_start", " ".join(f"{x:.2f}" for x in os.getloadavg()))


# --- the plain Markdown twin -------------------------------------------------------


def project_config(path: Path = CONFIG) -> dict:
    """The config file as MkDocs reads it (INHERIT merged)."""
    from mkdocs.utils.yaml import yaml_load

    with open(path, encoding="utf-8") as source:
        return yaml_load(source)


def plugin_names(plugins: list | dict) -> list[str]:
    if isinstance(plugins, dict):
        return list(plugins)
    return [next(iter(p)) if isinstance(p, dict) else p for p in plugins]


# The twin's only hook: the site's Thai search (bcp_mkdocs/search.py), with the
# plan's names as its extra words, so that both sites have the same search index.
TWIN_SEARCH_HOOK = """from bcp_mkdocs.search import use_thai_search_index
WORDS = {words!r}


def on_pre_build(config):
    use_thai_search_index(config, WORDS)
"""


def plain_twin(dumped: Path, work: Path, thai_search: bool = True) -> Path:
    """The same pages as static Markdown, and a config with the same theme and
    extensions but no macros plugin and not the project's plugin, except,
    with `thai_search`, the Thai search index.  Returns the config file."""
    import yaml

    from bcp import load_plan
    from bcp.search import people_words
    from bcp_mkdocs.pages import labelled_nav

    config = project_config()
    docs_src = ROOT / config.get("docs_dir", "docs")
    docs = work / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    # Static files (fonts, CSS, images) as they are; every page as macros left it.
    shutil.copytree(docs_src, docs, ignore=shutil.ignore_patterns("*.md"))
    for page in dumped.rglob("*.md"):
        target = docs / page.relative_to(dumped)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, target)
    plugins = config.get("plugins", ["search"])
    if isinstance(plugins, dict):
        plugins = [{k: v} for k, v in plugins.items()]
    plugins = [p for p in plugins if (next(iter(p)) if isinstance(p, dict) else p) not in ("macros", "bcp")]
    plan = load_plan(REAL_PLAN)
    hooks = []
    if thai_search:
        hook = work / "twin_search_hook.py"
        hook.write_text(TWIN_SEARCH_HOOK.format(words=sorted(people_words(plan.people.values()))),
                        encoding="utf-8")
        hooks.append(str(hook))
    theme = dict(config.get("theme", {}))
    if theme.get("custom_dir"):
        theme["custom_dir"] = str(ROOT / theme["custom_dir"])
    plain = {
        "INHERIT": str(CONFIG),
        "docs_dir": str(docs),
        "site_name": f"{plan.info.title} {plan.info.office.name}",
        # mkdocs.yml titles the navigation by labels' keys; the project's plugin puts the words there.
        "nav": _plain_titles(labelled_nav(config["nav"], plan.labels)),
        "theme": theme,
        "plugins": plugins,
        "hooks": hooks,
    }
    path = work / ("mkdocs-plain.yml" if thai_search else "mkdocs-bare.yml")
    path.write_text(yaml.dump(plain, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _plain_titles(nav):
    """The navigation with plain text titles (YAML cannot write Markup)."""
    if isinstance(nav, list):
        return [_plain_titles(item) for item in nav]
    if isinstance(nav, dict):
        return {str(title): _plain_titles(value) for title, value in nav.items()}
    return nav


def article(page: Path) -> str:
    """A page's content, with the links the project's hook spells out ("x/index.html") as MkDocs
    writes them, and runs of blank space between tags (left by template tags) made one."""
    text = page.read_text(encoding="utf-8")
    body = text.split("<article", 1)[-1].split("</article>", 1)[0]
    body = re.sub(r">\s+<", ">\n<", body).strip()
    return re.sub(r'(href="[^"#?]*?)index\.html', r"\1", body).replace('href="./"', 'href="."')


def search_entries(site: Path) -> tuple[dict, dict]:
    """The search index's settings and its entries by location (the order of pages may differ)."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return index["config"], {entry["location"]: entry for entry in index["docs"]}


def compare_sites(full: Path, plain: Path) -> tuple[int, int, int]:
    """(pages of the full site, of those the same content in the plain one, files missing from it)."""
    full_files = {p.relative_to(full) for p in full.rglob("*") if p.is_file()}
    plain_files = {p.relative_to(plain) for p in plain.rglob("*") if p.is_file()}
    pages = sorted(p for p in full_files if p.suffix == ".html")
    same = [p for p in pages if p in plain_files and article(full / p) == article(plain / p)]
    return len(pages), len(same), len(full_files - plain_files)


# --- the parts of the benchmark -----------------------------------------------------


def middle(runs: list[Build]) -> Build:
    return sorted(runs, key=lambda b: b.wall_s)[len(runs) // 2]


def bench_real(args, work: Path) -> None:
    dumped = work / "real-markdown"
    note("real plan: a first build (warms the caches, keeps the Markdown the macros produced)")
    build(work / "real", REAL_PLAN, dump_markdown=dumped, keep_site=True)
    full_site = work / "real-full-site"
    shutil.rmtree(full_site, ignore_errors=True)
    shutil.move(str(work / "real" / "site"), full_site)
    note("plain Markdown twin: same pages and Thai search, no macros, no data; a first build")
    plain_config = plain_twin(dumped, work / "plain")
    build(work / "plain", REAL_PLAN, config=plain_config, keep_site=True)
    pages, same_pages, missing = compare_sites(full_site, work / "plain" / "site")
    same_index = search_entries(full_site) == search_entries(work / "plain" / "site")
    bare_config = plain_twin(dumped, work / "bare", thai_search=False)
    build(work / "bare", REAL_PLAN, config=bare_config)

    # Alternate the builds, so that all see the same load from whatever else runs.
    note(f"real plan, its plain twin and the bare twin: {args.ratio_runs} timed builds each, alternating")
    runs: list[Build] = []
    plains: list[Build] = []
    bares: list[Build] = []
    for _ in range(args.ratio_runs):
        runs.append(build(work / "real", REAL_PLAN))
        plains.append(build(work / "plain", REAL_PLAN, config=plain_config))
        bares.append(build(work / "bare", REAL_PLAN, config=bare_config))
    real, plain, bare = middle(runs), middle(plains), middle(bares)
    note("wall s, full / plain / bare: " + ", ".join(f"{r.wall_s:.3f} / {p.wall_s:.3f} / {b.wall_s:.3f}"
                                                    for r, p, b in zip(runs, plains, bares)))

    say("site_build_real_s", real.wall_s)
    say("site_build_real_cpu_s", real.cpu_s)
    say("site_build_real_peak_mb", real.peak_mb)
    say("load_validate_s", median([r.spent("bcp.load_plan") for r in runs]))
    say("load_validate_fraction_of_build", median([r.spent("bcp.load_plan") / r.wall_s for r in runs]))
    say("plan_loads_per_build", real.count("bcp.load_plan"))
    # Importing the loader builds the pydantic models of every data file (and imports pydantic);
    # the renderer imports Jinja and the card helpers.
    imports = ("import:bcp", "import:bcp.plan_loading", "import:bcp.edition", "import:bcp.render")
    say("bcp_import_s", median([sum(r.spent(k) for k in imports) for r in runs]))
    say("data_layer_fraction_of_build", median([(sum(r.spent(k) for k in imports) + r.spent("bcp.load_plan")) / r.wall_s
                                                for r in runs]))
    say("component_renders_per_build", real.count("bcp.Renderer.render"))
    say("component_render_s", median([r.spent("bcp.Renderer.render") for r in runs]))
    say("macro_layer_s", median([r.macro_layer_s for r in runs]))
    say("macro_layer_fraction_of_build", median([r.macro_layer_s / r.wall_s for r in runs]))
    # mkdocs-macros imports requests (mkdocs_macros.util) whether or not a page uses it.
    say("macros_plugin_import_s", median([r.spent("import:mkdocs_macros") + r.spent("import:requests") for r in runs]))
    # ... and runs `git` 13 times for its `git` page variable, which no page uses.
    say("macros_plugin_git_calls_s", median([r.spent("subprocess.check_output") for r in runs]))
    # The PDF side (mkdocs-to-pdf, WeasyPrint) must not be imported by a build without PDFs.
    say("pdf_plugin_import_in_site_build_s", median([r.spent("import:mkdocs_to_pdf.plugin") + r.spent("import:weasyprint")
                                                     for r in runs]))
    say("python_and_mkdocs_startup_s", median([r.wall_s - r.detail["build_s"] for r in runs]))

    say("plain_markdown_build_s", plain.wall_s)
    say("plain_markdown_build_cpu_s", plain.cpu_s)
    say("plain_markdown_pages_same_content", f"{same_pages}/{pages}")
    say("plain_markdown_files_missing", missing)
    say("plain_markdown_search_index_same_entries", "yes" if same_index else "no")
    say("data_macro_overhead_ratio", real.wall_s / plain.wall_s)
    # Best of each: other work on the machine only ever adds time, so the fastest
    # build is the closest to what each one costs by itself.
    say("data_macro_overhead_ratio_best", min(r.wall_s for r in runs) / min(p.wall_s for p in plains))
    # CPU seconds are less disturbed than wall time when other work shares the cores.
    say("data_macro_overhead_ratio_cpu", median([r.cpu_s for r in runs]) / median([p.cpu_s for p in plains]))
    # Against MkDocs with no hook at all (Material's search alone, Thai words left unsplit):
    # what the data layer and the Thai search cost together.
    say("bare_mkdocs_build_s", bare.wall_s)
    say("overhead_ratio_vs_bare_mkdocs", real.wall_s / bare.wall_s)
    say("overhead_ratio_vs_bare_mkdocs_cpu", median([r.cpu_s for r in runs]) / median([b.cpu_s for b in bares]))


# "สร้าง PDF 3/5: บัตรหน้าที่ (13 หน้า, 2.1 วินาที)": one line per layout in the build's log.
PDF_LINE = re.compile(r"สร้าง PDF (\d+)/(\d+): (.+) \((\d+) หน้า, ([\d.]+) วินาที\)")
# A document laid out again because a sheet spilled onto a second page (debug level, shown with -v).
RELAYOUT_LINE = re.compile(r"จัดหน้าใหม่ (.+) \((\d+) หน้า, ([\d.]+) วินาที\)")


def timed_mkdocs_build(data: Path, site: Path, pdf: bool, verbose: bool = False) -> tuple[float, str]:
    """`mkdocs build --strict` as `make site` (pdf) or a preview runs it; (wall seconds, its log)."""
    env = {**os.environ, "BCP_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BCP_PDF", None)
    if pdf:
        env["BCP_PDF"] = "1"
    shutil.rmtree(site, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(CONFIG), "-d", str(site)]
    begin = time.perf_counter()
    result = subprocess.run(command + (["--verbose"] if verbose else ["--quiet"]), cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - begin
    if result.returncode != 0:
        raise RuntimeError(f"build of {data} failed:\n{result.stderr[-3000:]}")
    return wall, result.stderr


def bench_pdf(args, work: Path) -> None:
    """`make site`'s build (site and every PDF) against a site-only build of the same plan."""
    site = work / "pdf-site"
    note("PDF: one build with its log, to list the layouts")
    _, log = timed_mkdocs_build(REAL_PLAN, site, pdf=True, verbose=True)
    layouts = [match.groups() for match in PDF_LINE.finditer(log)]
    names = [name for _, _, name, _, _ in layouts]
    say("pdf_layouts", len(layouts))
    # Nothing laid out twice: each document once (a card that spilled over would add a pass).
    say("pdf_documents_laid_out_twice", len(names) - len(set(names)))
    say("pdf_pages_laid_out", sum(int(pages) for _, _, _, pages, _ in layouts))
    # Second passes of a document that spilled (a wall card whose estimate was short; an incident
    # sheet too long before its first step, laid out again whole).
    relayouts = [match.groups() for match in RELAYOUT_LINE.finditer(log)]
    say("pdf_second_passes", len(relayouts))
    for name, pages, seconds in relayouts:
        note(f"second pass: {name}: {pages} pages, {seconds} s (in a worker)")
    for _, _, name, pages, seconds in layouts:
        note(f"layout: {name}: {pages} pages, {seconds} s (in a worker)")
    say("pdf_files", len(list((site / "pdf").rglob("*.pdf"))))

    # Alternate the two, so that both see the same load from whatever else runs.
    note(f"PDF: {args.ratio_runs} full builds and {args.ratio_runs} site-only builds, alternating")
    full: list[float] = []
    site_only: list[float] = []
    for _ in range(args.ratio_runs):
        full.append(timed_mkdocs_build(REAL_PLAN, site, pdf=True)[0])
        site_only.append(timed_mkdocs_build(REAL_PLAN, site, pdf=False)[0])
    note("wall s, full / site only: " + ", ".join(f"{f:.2f} / {s:.2f}" for f, s in zip(full, site_only)))
    say("full_build_s", median(full))
    say("site_only_build_s", median(site_only))
    # The target: at most 4 (issue 11).  Medians, so that one disturbed run moves nothing.
    say("full_to_site_only_ratio", median(full) / median(site_only))
    say("full_to_site_only_ratio_best", min(full) / min(site_only))


def bench_serve(args, work: Path) -> None:
    """The plan owner's loop: save a data file under `mkdocs serve`, until the served page shows it."""
    import socket
    import urllib.request

    data = work / "serve-data"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(REAL_PLAN, data)
    people = data / "people.yaml"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    page = f"http://127.0.0.1:{port}/teams/"
    env = {**os.environ, "BCP_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BCP_PDF", None)
    log = open(work / "serve.log", "wb")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(CONFIG), "-a", f"127.0.0.1:{port}"],
                              cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)

    def served() -> str:
        with urllib.request.urlopen(page, timeout=60) as response:
            return response.read().decode("utf-8")

    def wait_until(shown: str, limit_s: float) -> float:
        begin = time.perf_counter()
        while time.perf_counter() - begin < limit_s:
            try:
                if shown in served():
                    return time.perf_counter() - begin
            except OSError:
                pass  # not serving yet
            time.sleep(0.02)
        raise RuntimeError(f"the preview never showed {shown!r}: see {work / 'serve.log'}")

    try:
        note("serve: the first build")
        wait_until("ต่อ ๔๑๑", 120)
        times = []
        extension = "411"
        for _ in range(args.repeats):
            new = "499" if extension == "411" else "411"
            text = people.read_text(encoding="utf-8")
            time.sleep(0.6)  # the server's file watch polls every 0.5 s: start from a quiet folder
            people.write_text(text.replace(f'extension: "{extension}"', f'extension: "{new}"'), encoding="utf-8")
            times.append(wait_until("ต่อ " + new.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")), 60))
            extension = new
        note("save to served, s: " + ", ".join(f"{t:.2f}" for t in times))
        say("save_to_served_s", median(times))
        say("save_to_served_max_s", max(times))
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def log_log_slope(times: dict[int, float]) -> float:
    """Least-squares slope of log(time) against log(size): 1.0 is linear growth."""
    xs = [math.log(size) for size in times]
    ys = [math.log(t) for t in times.values()]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / sum((x - mean_x) ** 2 for x in xs)


def bench_scale(args, work: Path) -> None:
    scales = [1] + [int(s) for s in args.scales.split(",") if s.strip()]
    times: dict[int, float] = {}
    cpu_times: dict[int, float] = {}
    for scale in scales:
        data = work / f"synthetic-{scale}x"
        if not data.exists():
            write_plan(data, scale=scale, seed=scale)
        note(f"synthetic {scale}x: builds")
        result, runs = median_build(args.repeats, work / f"scale-{scale}", data, budget_s=45)
        times[scale] = result.wall_s
        cpu_times[scale] = result.cpu_s
        say(f"scale_{scale}x_s", result.wall_s)
        say(f"scale_{scale}x_cpu_s", result.cpu_s)
        say(f"scale_{scale}x_peak_mb", result.peak_mb)
        say(f"scale_{scale}x_load_validate_s", median([r.spent("bcp.load_plan") for r in runs]))
        say(f"scale_{scale}x_macro_layer_s", median([r.macro_layer_s for r in runs]))
        say(f"scale_{scale}x_builds_timed", len(runs))
    say("growth_exponent", log_log_slope(times))
    say("growth_exponent_cpu", log_log_slope(cpu_times))
    big = sorted(times)[-2:]
    if len(big) == 2 and big[0] > 1:
        # Between the two largest sizes the fixed start-up cost weighs least.
        say(f"growth_exponent_{big[0]}x_{big[1]}x", math.log(times[big[1]] / times[big[0]]) / math.log(big[1] / big[0]))


def bench_offices(args, work: Path) -> None:
    count = args.offices
    folders = work / "offices"
    begin = time.perf_counter()
    datas = []
    for number in range(1, count + 1):
        data = folders / f"office-{number:02d}" / "data"
        if not data.exists():
            write_plan(data, scale=1, seed=1000 + number, extra_steps=(number * 7) % 18)
        datas.append(data)
    say(f"offices_{count}_generate_s", time.perf_counter() - begin)
    workers = os.cpu_count() or 1
    note(f"{count} offices: building with {workers} parallel workers{' (with PDFs)' if args.with_pdf else ''}")

    def one(data: Path) -> Build:
        return build(data.parent / "build", data, pdf=args.with_pdf)

    begin = time.perf_counter()
    # Each build is its own process; the threads only start them and wait.
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(one, datas))
    total = time.perf_counter() - begin
    suffix = "_with_pdf" if args.with_pdf else ""
    say(f"offices_{count}{suffix}_workers", workers)
    say(f"offices_{count}{suffix}_total_s", total)
    say(f"offices_{count}{suffix}_per_office_s", total / count)
    say(f"offices_{count}{suffix}_single_build_median_s", median([r.wall_s for r in results]))
    say(f"offices_{count}{suffix}_peak_mb_max", max(r.peak_mb for r in results))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5, help="builds per short measurement (median)")
    parser.add_argument("--ratio-runs", type=int, default=9,
                        help="alternating builds of the real plan and its twins (the overhead ratio is noisy)")
    parser.add_argument("--scales", default="10,50", help="synthetic sizes besides 1x (default 10,50)")
    parser.add_argument("--offices", type=int, default=77, help="synthetic offices built in parallel (0: skip)")
    parser.add_argument("--with-pdf", action="store_true", help="build the offices with BCP_PDF=1 (slow)")
    parser.add_argument("--only", choices=["real", "pdf", "serve", "scale", "offices"], action="append",
                        help="run only these parts (repeatable)")
    parser.add_argument("--work", type=Path, help="working folder (default: a new temporary one, removed after)")
    args = parser.parse_args(argv)
    parts = args.only or ["real", "pdf", "serve", "scale", "offices"]
    work = args.work or Path(tempfile.mkdtemp(prefix="bcp-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    # Builds run as on an office's own machine, where Python keeps compiled modules
    # (this sandbox sets PYTHONDONTWRITEBYTECODE); they are kept in the work folder.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    begin = time.perf_counter()
    try:
        machine()
        if "real" in parts:
            bench_real(args, work)
        if "pdf" in parts:
            bench_pdf(args, work)
        if "serve" in parts:
            bench_serve(args, work)
        if "scale" in parts:
            bench_scale(args, work)
        if "offices" in parts and args.offices > 0:
            bench_offices(args, work)
        say("benchmark_total_s", time.perf_counter() - begin)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

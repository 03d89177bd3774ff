"""One instrumented `mkdocs build`, run in its own process by bench/run.py.

    python bench/child.py CONFIG SITE_DIR RESULT.json [--dump-markdown DIR]

Builds exactly as `mkdocs build --strict --quiet -f CONFIG -d SITE_DIR` (the
environment, BCP_DATA / BCP_PDF, comes from the caller) and writes to
RESULT.json where the time went: each plugin's and hook's events, how often the
plan was loaded, how many components were rendered, and the process's own
peak memory.  Nothing here changes what is built.  (PDF layouts run in worker
processes: bench/run.py reads them from the build's log instead.)

--dump-markdown DIR keeps each page's Markdown as the macros plugin left it
(the input of the "plain Markdown" build).
"""

from __future__ import annotations

import argparse
import importlib.abc
import importlib.util
import json
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

started = time.perf_counter()
spent: dict[str, float] = defaultdict(float)
counts: dict[str, int] = defaultdict(int)
running: dict[str, str | None] = {"origin": None}  # the plugin or hook whose event is running


def timed(key: str, function, per_origin: bool = False):
    """`function`, adding its time and calls under `key` (and, with per_origin, under
    "key@origin" too: which plugin or hook the work was done for)."""
    def wrapper(*args, **kwargs):
        begin = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            elapsed = time.perf_counter() - begin
            for name in (key, f"{key}@{running['origin']}") if per_origin else (key,):
                spent[name] += elapsed
                counts[name] += 1

    wrapper.__wrapped__ = function
    return wrapper


# Packages whose import is timed (inclusive of what they import first).
TIMED_IMPORTS = {"bcp", "bcp.plan_loading", "bcp.render", "bcp.edition", "mkdocs_macros", "material", "pydantic",
                 "requests", "weasyprint", "mkdocs_to_pdf", "mkdocs_to_pdf.plugin", "pythainlp", "bs4"}


class ImportClock(importlib.abc.MetaPathFinder):
    """Times the first import of each package in TIMED_IMPORTS, whoever imports it."""

    def find_spec(self, name, path, target=None):
        if name not in TIMED_IMPORTS or f"import:{name}" in spent:
            return None
        spent[f"import:{name}"] = 0.0  # also stops the recursion through find_spec below
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        spec.loader.exec_module = timed(f"import:{name}", spec.loader.exec_module)
        return spec


def instrument_bcp() -> None:
    """Wrap bcp's entry points once the build has imported bcp (a plain build never does)."""
    loading = sys.modules.get("bcp.plan_loading")
    render = sys.modules.get("bcp.render")
    if loading is not None and not hasattr(loading.load_plan, "__wrapped__"):
        # load_plan_cached looks load_plan up in its module: wrapping it there counts real loads.
        loading.load_plan = timed("bcp.load_plan", loading.load_plan)
    if render is not None and not hasattr(render.Renderer.render, "__wrapped__"):
        render.Renderer.render = timed("bcp.Renderer.render", render.Renderer.render)
        render.Renderer.__init__ = timed("bcp.Renderer.__init__", render.Renderer.__init__)


def instrument(dump_markdown: Path | None) -> None:
    import subprocess

    import mkdocs.plugins

    # mkdocs-macros asks git about the last commit on every build (13 git processes).
    subprocess.check_output = timed("subprocess.check_output", subprocess.check_output)

    def run_event(self, name, item=None, **kwargs):
        # mkdocs.plugins.PluginCollection.run_event, with a clock per plugin and event.
        instrument_bcp()
        pass_item = item is not None
        for method in self.events[name]:
            origin = self._event_origins.get(method, "<unknown>")
            self._current_plugin = origin
            running["origin"] = origin
            begin = time.perf_counter()
            result = method(item, **kwargs) if pass_item else method(**kwargs)
            spent[f"plugin:{origin}"] += time.perf_counter() - begin
            spent[f"event:{origin}:{name}"] += time.perf_counter() - begin
            if result is not None:
                item = result
            if dump_markdown and name == "page_markdown" and origin == "macros":
                page = kwargs["page"]
                target = dump_markdown / page.file.src_uri
                target.parent.mkdir(parents=True, exist_ok=True)
                # The page's front matter (title, search exclusion...) goes with it.
                meta = f"---\n{json.dumps(page.meta, ensure_ascii=False)}\n---\n\n" if page.meta else ""
                target.write_text(meta + item, encoding="utf-8")
        self._current_plugin = None
        running["origin"] = None
        return item

    mkdocs.plugins.PluginCollection.run_event = run_event



def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("config")
    parser.add_argument("site")
    parser.add_argument("result", type=Path)
    parser.add_argument("--dump-markdown", type=Path)
    args = parser.parse_args()
    if args.dump_markdown:
        args.dump_markdown.mkdir(parents=True, exist_ok=True)

    sys.meta_path.insert(0, ImportClock())
    from mkdocs.__main__ import cli

    imported = time.perf_counter()
    instrument(args.dump_markdown)
    ok = True
    try:
        cli(["build", "--strict", "--quiet", "-f", args.config, "-d", args.site], standalone_mode=False)
    except BaseException as error:  # noqa: BLE001 - reported to the caller, which fails loudly
        ok = False
        print(f"build failed: {error!r}", file=sys.stderr)
    finished = time.perf_counter()
    args.result.write_text(json.dumps({
        "ok": ok,
        "in_process_s": finished - started,
        "import_mkdocs_s": imported - started,
        "build_s": finished - imported,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "spent": spent,
        "counts": counts,
    }, indent=1))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

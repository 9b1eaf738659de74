"""`make bench`: build synthetic libraries of N modules and measure the build.

For each N it measures, in one run: the full build from nothing, a no-op rebuild, a
rebuild after editing one nb catalogue, the peak memory of the whole process tree, and
the baseline of plain `sphinx-build -b html` for each language on the same sources.
The libraries are made outside the repository, in a temporary folder.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from rjguide.library.catalogs import read_catalog, serialise
from rjguide.library.project import Project
from rjguide.progress import Silent

WORDS = (
    "the", "group", "talks", "about", "each", "plan", "for", "next", "week", "and", "every",
    "person", "writes", "a", "short", "note", "in", "the", "room", "while", "time", "passes",
    "with", "one", "question", "an", "answer", "that", "stays", "clear", "open", "calm",
    "story", "step", "after", "before", "together", "listen", "careful", "simple", "words",
    "shared", "work", "notes", "table", "chair", "window", "morning", "evening", "meeting",
    "point", "list", "order",
)
CONCEPTS = ("restorative-process", "convicted-person", "victim", "voluntariness", "consent",
            "preparatory-meeting", "support-person", "correctional-service", "harm",
            "duty-of-confidentiality", "reintegration", "violent-extremism")
LIBRARY_PAGES = ("index", "catalogue", "glossary", "downloads", "translation-status")
TARGETS = {"no_op_share": 0.05, "one_catalogue_share": 0.20, "html_vs_baseline": 1.3,
           "growth": 1.2, "peak_memory_mb": 1500}


@dataclass
class Measurement:
    modules: int
    full_build_s: float
    html_phase_s: float
    pdf_phase_s: float
    no_op_s: float
    one_nb_catalogue_s: float
    baseline_sphinx_html_s: float
    peak_memory_mb: float
    files_rewritten_by_no_op: int

    @property
    def per_module_s(self) -> float:
        return self.full_build_s / self.modules


class TreeMemory:
    """Polls the resident memory of a process and all its descendants; keeps the peak."""

    def __init__(self, pid: int):
        self.pid = pid
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _tree_rss_kb(self) -> int:
        children: dict[int, list[int]] = {}
        rss: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                status = Path(f"/proc/{entry}/status").read_text()
            except OSError:
                continue
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            pid, ppid = int(entry), int(fields.get("PPid", "0").strip() or 0)
            children.setdefault(ppid, []).append(pid)
            rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
        total, stack = 0, [self.pid]
        while stack:
            pid = stack.pop()
            total += rss.get(pid, 0)
            stack += children.get(pid, [])
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, self._tree_rss_kb())
            self._stop.wait(0.2)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def sentence(rng: random.Random, term: bool) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 14))]
    if term:
        words.insert(rng.randint(1, len(words) - 1), f"{{term}}`{rng.choice(CONCEPTS)}`")
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng, index == 0) for index in range(rng.randint(3, 5)))


def module_text(number: int, rng: random.Random) -> tuple[str, str]:
    """A module of realistic size (about 2,000 words) and its handout."""
    module_id = f"module-{number:03d}"
    lines = [
        "---", f"id: {module_id}", "version: 0.1.0", "status: draft",
        "audience: [facilitators]", "duration: 180", "level: introductory",
        "reviewed_by: []", "reviewed_on:", "---", "",
        f"# Synthetic module {number}: {' '.join(rng.choice(WORDS) for _ in range(4))}", "",
        ":::{summary}", paragraph(rng), ":::", "", ":::{objectives}",
        *[f"- {sentence(rng, True)}" for _ in range(4)], ":::", "",
        ":::{prerequisites}", paragraph(rng), ":::", "",
    ]
    for session in range(1, 4):
        lines += [f"## Session {session}: {' '.join(rng.choice(WORDS) for _ in range(3))}", "",
                  ":::{session}", ":duration: 60", ":::", ""]
        for _ in range(6):
            lines += [paragraph(rng), ""]
        lines += [":::{exercise} A fictional case", paragraph(rng), "", paragraph(rng), ":::",
                  "", ":::{facilitator-note}", paragraph(rng), ":::", ""]
    lines += ["## Key points", "", ":::{key-points}",
              *[f"- {sentence(rng, True)}" for _ in range(4)], ":::", "", "## Handouts", "",
              "```{toctree}", ":maxdepth: 1", "", "handout-checklist", "```", ""]
    handout = ["---", "handout: true", "---", "", f"# Checklist for module {number}", "",
               paragraph(rng), "", *[f"- {sentence(rng, False)}" for _ in range(12)], ""]
    return "\n".join(lines), "\n".join(handout)


def make_library(folder: Path, modules: int, root: Path) -> Project:
    """A library like this one, with N synthetic modules and complete nb and nn catalogues."""
    rng = random.Random(modules)
    folder.mkdir(parents=True)
    shutil.copy2(root / "conf.py", folder / "conf.py")
    (folder / "pyproject.toml").write_text('[tool.rjguide]\nlanguages = ["en", "nb", "nn"]\n')
    shutil.copytree(root / "glossary", folder / "glossary")
    (folder / "source").mkdir()
    for page in LIBRARY_PAGES:
        shutil.copy2(root / "source" / f"{page}.md", folder / "source" / f"{page}.md")
    index = folder / "source" / "index.md"
    index.write_text(index.read_text().replace("translators-guide\n", ""))
    for language in ("nb", "nn"):
        (folder / "locale" / language / "LC_MESSAGES").mkdir(parents=True)
        shutil.copy2(root / "locale" / language / "LC_MESSAGES" / "sphinx.po",
                     folder / "locale" / language / "LC_MESSAGES" / "sphinx.po")
    for number in range(1, modules + 1):
        module_dir = folder / "source" / "modules" / f"module-{number:03d}"
        module_dir.mkdir(parents=True)
        main, handout = module_text(number, rng)
        (module_dir / "index.md").write_text(main)
        (module_dir / "handout-checklist.md").write_text(handout)
    project = Project.load(folder)
    run([sys.executable, "-m", "rjguide.cli", "--root", str(folder), "po"])
    for po in (folder / "locale").rglob("*.po"):
        if po.name == "sphinx.po":
            continue
        language = po.relative_to(folder / "locale").parts[0]
        catalog = read_catalog(po, locale=language)
        for message in catalog:
            if message.id and not message.string:
                message.string = f"[{language}] {message.id}"
        po.write_bytes(serialise(catalog))
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    subprocess.run(["git", "-C", str(folder), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(folder), "-c", "user.email=bench@example.org", "-c",
                    "user.name=bench", "commit", "-qm", "synthetic library"], check=True)
    return project


def run(command: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


def timed_build(folder: Path) -> tuple[float, float]:
    """Wall time and peak memory (MB) of one `rjguide build`, whole process tree."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "rjguide.cli", "--root", str(folder),
                                "build"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    with TreeMemory(process.pid) as memory:
        _out, err = process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"build failed:\n{err[-3000:]}")
    return time.perf_counter() - start, memory.peak_kb / 1024


def snapshot(folder: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in (folder / "exports" / "site").rglob("*")
            if p.is_file()}


def measure(modules: int, root: Path, work: Path, report: Silent) -> Measurement:
    folder = work / f"library-{modules}"
    report.step(f"bench {modules}", f"a library of {modules} modules: 5 measurements", 5)
    project = make_library(folder, modules, root)
    full, peak = timed_build(folder)
    report.advance()
    phases = json.loads((project.reports_dir / "build-times.json").read_text())
    before = snapshot(folder)
    no_op, _ = timed_build(folder)
    report.advance()
    rewritten = sum(1 for p, m in snapshot(folder).items() if before.get(p) != m)
    po = project.catalog_path("nb", "modules/module-001/index")
    catalog = read_catalog(po, locale="nb")
    # A translator fixes one word in one paragraph.
    paragraphs = [m for m in catalog if m.id and m.string and len(m.id) > 80]
    message = paragraphs[len(paragraphs) // 2]
    message.string = message.string.replace("[nb]", "[nb, endret]", 1)
    po.write_bytes(serialise(catalog))
    one, _ = timed_build(folder)
    report.advance()
    baseline = 0.0
    for language in project.languages:
        out = work / f"baseline-{modules}-{language}"
        baseline += run([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E", "-D",
                         f"language={language}", "-c", str(folder), str(folder / "source"),
                         str(out)])
    report.advance(2)
    report.finish(f"full build {full:.0f} s, no-op {no_op:.1f} s, one catalogue {one:.1f} s")
    return Measurement(modules, round(full, 2), round(phases["html"], 2),
                       round(phases["pdf"], 2), round(no_op, 2), round(one, 2),
                       round(baseline, 2), round(peak, 1), rewritten)


def verdicts(results: list[Measurement]) -> dict[str, dict]:
    largest, smallest = results[-1], results[0]
    checks = {
        "no_op_share": max(r.no_op_s / r.full_build_s for r in results),
        "one_catalogue_share": max(r.one_nb_catalogue_s / r.full_build_s for r in results),
        "html_vs_baseline": max(r.html_phase_s / r.baseline_sphinx_html_s for r in results),
        "growth": largest.per_module_s / smallest.per_module_s,
        "peak_memory_mb": largest.peak_memory_mb,
    }
    return {name: {"measured": round(value, 3), "target": TARGETS[name],
                   "met": value <= TARGETS[name]} for name, value in checks.items()}


def table(results: list[Measurement]) -> str:
    header = ("N", "full s", "html s", "pdf s", "no-op s", "(share)", "1 nb .po s", "(share)",
              "baseline s", "html/base", "s/module", "peak MB")
    rows = [header]
    for r in results:
        rows.append((str(r.modules), f"{r.full_build_s:.1f}", f"{r.html_phase_s:.1f}",
                     f"{r.pdf_phase_s:.1f}", f"{r.no_op_s:.1f}",
                     f"{r.no_op_s / r.full_build_s:.1%}", f"{r.one_nb_catalogue_s:.1f}",
                     f"{r.one_nb_catalogue_s / r.full_build_s:.1%}",
                     f"{r.baseline_sphinx_html_s:.1f}",
                     f"{r.html_phase_s / r.baseline_sphinx_html_s:.2f}",
                     f"{r.per_module_s:.2f}", f"{r.peak_memory_mb:.0f}"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "\n".join("  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True))
                     for row in rows)


def run_bench(root: Path, sizes: list[int], output: Path,
              report: Silent | None = None) -> list[Measurement]:
    report = report or Silent()
    with tempfile.TemporaryDirectory(prefix="rjguide-bench-") as work:
        results = [measure(n, root, Path(work), report) for n in sizes]
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps({
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "results": [{**asdict(r), "per_module_s": round(r.per_module_s, 3)} for r in results],
        "targets": verdicts(results),
    }, indent=2) + "\n")
    return results

"""`make bench`: throughput of extraction and of a full build against bare spaCy on the same texts, in one run.

Every stage runs as its own process, as a user would run it, and is timed from start to exit (interpreter
start, imports and model loading included); its peak memory is that process's maximum resident set (with
`--jobs`, the largest of its processes, read from the kernel's accounting of the reaped children):

  baseline      `spacy.load(model)` and `nlp.pipe` over the documents' texts, each language's model in turn
                (the default pipeline: what a user of spaCy gets), one process
  baseline-ner  the same models with only `ner` kept (for reference: the fastest spaCy can tag)
  extract       `electiongraph extract CORPUS --no-cache` (reading, language detection, NER, rules, relations)
  extract-j2    the same with `--jobs 2`
  build         `electiongraph build CORPUS` with every export (Turtle, JSON, HTML views), cold cache
  rebuild       the same build after one document changed (the cache serves the others)

Words are whitespace-separated words of the texts the extractor reads (documents in supported languages).
Results are printed and written as JSON (default `benchmarks/results/bench_build.json`) to compare commits.

    .venv/bin/python -m benchmarks.bench_build                     # ../shared/corpus, else the sample x 20
    .venv/bin/python -m benchmarks.bench_build CORPUS_DIR --limit 500
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
SHARED_PARTS = ("pages", "cep-events", "articles")
RESULTS = ROOT / "benchmarks" / "results" / "bench_build.json"
TARGETS = {"extract/baseline": 1.0, "build/baseline": 0.9, "extract-j2/extract": 1.6, "rebuild/build": 0.05}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="*", type=Path, help="files or directories (default: ../shared/corpus)")
    parser.add_argument("--limit", type=int, help="only the first N files (sorted by path)")
    parser.add_argument("--replicate", type=int, default=20, help="copies of the bundled sample when no corpus")
    parser.add_argument("--json", type=Path, default=RESULTS, help=f"results file (default: {RESULTS})")
    parser.add_argument("--skip", default="", help="comma-separated stages to leave out, e.g. baseline-ner")
    parser.add_argument("--stage-baseline", nargs=2, metavar=("TEXTS", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stage_baseline:
        return _baseline_stage(Path(args.stage_baseline[0]), args.stage_baseline[1])

    work = Path(tempfile.mkdtemp(prefix="eg-bench-"))
    try:
        return _bench(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _bench(args: argparse.Namespace, work: Path) -> int:
    from graph.job import read_corpus

    corpus = _stage_corpus(args, work / "corpus")
    documents, reports = read_corpus([corpus])
    from extract.lang import SUPPORTED
    documents = [d for d in documents if d.lang in SUPPORTED]
    words = sum(len(d.text.split()) for d in documents)
    texts = work / "texts.jsonl"
    with texts.open("w", encoding="utf-8") as fh:
        for d in documents:
            fh.write(json.dumps({"lang": d.lang, "text": d.text}, ensure_ascii=False) + "\n")
    print(f"corpus: {len(reports)} files, {len(documents)} documents "
          f"({', '.join(f'{n} {lang}' for lang, n in _langs(documents))}), {words:,} words; "
          f"{os.cpu_count()} cores, Python {platform.python_version()}", flush=True)

    skip = set(filter(None, args.skip.split(",")))
    cli = [sys.executable, "-m", "graph.cli"]
    out = work / "out"
    stages = {
        "baseline": [sys.executable, "-m", "benchmarks.bench_build", "--stage-baseline", str(texts), "default"],
        "baseline-ner": [sys.executable, "-m", "benchmarks.bench_build", "--stage-baseline", str(texts), "ner"],
        "extract": [*cli, "extract", str(corpus), "--no-cache", "-q"],
        "extract-j2": [*cli, "extract", str(corpus), "--no-cache", "-q", "--jobs", "2"],
        "build": [*cli, "build", str(corpus), "--out", str(out), "-q"],
    }
    results: dict[str, dict] = {}
    for name, command in stages.items():
        if name in skip:
            continue
        results[name] = _run(name, command, words)
    if "build" in results and "rebuild" not in skip:
        _touch_one(corpus)
        results["rebuild"] = _run("rebuild", stages["build"], words)

    ratios = _ratios(results)
    for key, value in ratios.items():
        target = TARGETS.get(key)
        verdict = "" if target is None else (
            f"  target {'≤' if key.startswith('rebuild') else '≥'} {target:g}: "
            + ("met" if (value <= target if key.startswith("rebuild") else value >= target) else "NOT met"))
        print(f"{key:<22} {value:8.3f}{verdict}")
    payload = {
        "corpus": {"files": len(reports), "documents": len(documents), "words": words,
                   "paths": [str(p) for p in (args.corpus or [SHARED])], "limit": args.limit},
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "commit": _commit(), "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "stages": results, "ratios": ratios, "targets": TARGETS,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    print(f"results written to {args.json}")
    return 0


def _stage_corpus(args: argparse.Namespace, dest: Path) -> Path:
    """A private copy of the corpus (the rebuild changes one of its documents)."""
    if args.corpus:
        sources = [p for p in args.corpus]
    elif SHARED.is_dir():
        sources = [SHARED / part for part in SHARED_PARTS]
    else:
        from extract import sample_corpus
        sources = [sample_corpus()] * args.replicate
    files = []
    for i, source in enumerate(sources):
        found = [source] if source.is_file() else sorted(p for p in source.rglob("*") if p.is_file())
        files += [(i, source, f) for f in found]
    files.sort(key=lambda t: (t[0], str(t[2])))
    if args.limit:
        files = files[:args.limit]
    for i, source, f in files:
        target = dest / f"{i:02d}" / (f.relative_to(source) if source.is_dir() else f.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, target)
    return dest


def _touch_one(corpus: Path) -> None:
    """Change one document's text, as an editor would: a sentence added at the end."""
    for path in sorted(p for p in corpus.rglob("*") if p.is_file()):
        text = path.read_text(encoding="utf-8", errors="replace")
        if text.startswith((" date", "### [")):  # the first article or event page
            path.write_text(text + "\nThe electoral commission confirmed the results on Monday.\n", encoding="utf-8")
            return


def _run(name: str, command: list[str], words: int) -> dict:
    """Run a stage in its own process, timed from start to exit; its peak memory from the kernel."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"stage {name} failed ({code}): {' '.join(command)}\n{stderr[-2000:]}")
    peak_mb = usage.ru_maxrss / 1024
    result = {"seconds": round(seconds, 2), "words_per_second": round(words / seconds, 1),
              "peak_rss_mb": round(peak_mb, 1), "command": " ".join(Path(c).name if i == 0 else c
                                                                    for i, c in enumerate(command))}
    print(f"{name:<13} {seconds:8.1f} s  {words / seconds:9,.0f} words/s  peak {peak_mb:7,.0f} MB", flush=True)
    return result


def _ratios(results: dict[str, dict]) -> dict[str, float]:
    def speed(name: str) -> float | None:
        return results[name]["words_per_second"] if name in results else None

    pairs = {"extract/baseline": ("extract", "baseline"), "build/baseline": ("build", "baseline"),
             "extract/baseline-ner": ("extract", "baseline-ner"), "extract-j2/extract": ("extract-j2", "extract")}
    out = {key: round(speed(a) / speed(b), 3) for key, (a, b) in pairs.items() if speed(a) and speed(b)}
    if "rebuild" in results and "build" in results:
        out["rebuild/build"] = round(results["rebuild"]["seconds"] / results["build"]["seconds"], 4)
    return out


def _baseline_stage(texts: Path, mode: str) -> int:
    """What a spaCy user runs: each language's model over its texts with `nlp.pipe`, one process."""
    import spacy

    from extract.nlp import MODELS

    by_lang: dict[str, list[str]] = {}
    with texts.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            by_lang.setdefault(row["lang"], []).append(row["text"])
    for lang, items in sorted(by_lang.items()):
        nlp = spacy.load(MODELS[lang])
        nlp.max_length = max(nlp.max_length, max(len(t) for t in items) + 1)
        with nlp.select_pipes(enable=["ner"] if mode == "ner" else nlp.pipe_names):
            for _ in nlp.pipe(items, batch_size=32):
                pass
    return 0


def _langs(documents) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for d in documents:
        counts[d.lang] = counts.get(d.lang, 0) + 1
    return sorted(counts.items())


def _commit() -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


if __name__ == "__main__":
    raise SystemExit(main())

"""Command line: `python -m pipeline build INPUT --out OUTDIR [--as-of DATE] [--reference DIR]`."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from pathlib import Path

from pipeline.reference import ReferenceError
from pipeline.store import StoreLockedError


def _date(value: str) -> dt.date:
    """argparse type for YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def build_parser() -> argparse.ArgumentParser:
    """The CLI's argument parser."""
    parser = argparse.ArgumentParser(prog="python -m pipeline", description="Negotiation timeline pipeline")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="turn a folder of articles into a store")
    build.add_argument("input", type=Path, help="folder of articles (txt, md, html, json, jsonl, csv)")
    build.add_argument("--out", type=Path, required=True, help="store folder to write (replaced atomically)")
    build.add_argument("--as-of", type=_date, default=None, help="retrieval date: resolves '7 hours ago' (YYYY-MM-DD)")
    build.add_argument("--reference", type=Path, default=None, help="corpus reference folder (actors.csv, events.csv, topics.yaml)")
    build.add_argument("--replace-reference", action="store_true", help="use only the corpus reference, not data/reference")
    build.add_argument("--quiet", action="store_true", help="no progress bar")
    return parser


def print_summary(report, out: Path) -> None:
    """The closing summary of a build."""
    print(f"Store written to {out}")
    print(f"  articles   {report.articles} ({report.duplicates} duplicates)")
    print(f"  rejected   {len(report.rejects)}")
    for reject in report.rejects[:20]:
        print(f"    - {reject.source_path}: {reject.reason}")
    if len(report.rejects) > 20:
        print(f"    ... and {len(report.rejects) - 20} more (see rejects.parquet)")
    print(f"  statements {report.statements}")
    print(f"  speakers   {report.speakers}")
    print(f"  topics     {report.topics}")
    print("  dated      " + ", ".join(f"{k}: {v}" for k, v in sorted(report.dated.items())))
    print("  seconds    " + ", ".join(f"{k} {v:.2f}" for k, v in report.timings.items()))


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns a process exit code."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.command == "build":
        from pipeline.build import BuildOptions, run_build

        options = BuildOptions(
            input_dir=args.input,
            out_dir=args.out,
            as_of=args.as_of,
            build_date=dt.date.today(),
            reference_dir=args.reference,
            replace_reference=args.replace_reference,
            progress=not args.quiet,
        )
        try:
            report = run_build(options)
        except (FileNotFoundError, ReferenceError, StoreLockedError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        print_summary(report, args.out)
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())

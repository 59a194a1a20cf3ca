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
    build.add_argument(
        "--reference", type=Path, default=None, help="corpus reference folder (actors.csv, events.csv, topics.yaml)"
    )
    build.add_argument("--replace-reference", action="store_true", help="use only the corpus reference, not data/reference")
    build.add_argument("--quiet", action="store_true", help="no progress bar")
    ev = sub.add_parser("eval", help="score dating, statements, speakers, stance and topics on our fixtures")
    ev.add_argument("--no-topics", action="store_true", help="skip the topic evaluation (it loads the model)")
    ev.add_argument("--show-errors", type=int, default=0, metavar="N", help="print up to N failing cases per section")
    ev.add_argument(
        "--labelled",
        type=Path,
        nargs="+",
        default=None,
        metavar="FILE",
        help="score only these labelled files (the held-out YAML format), e.g. real articles you may not ship",
    )
    bench = sub.add_parser("bench", help="time the pipeline and the app on synthetic corpora; prints JSON")
    bench.add_argument("--sizes", type=int, nargs="+", default=[100, 1000], help="corpus sizes in articles")
    bench.add_argument("--app-sizes", type=int, nargs="+", default=[10_000, 100_000], help="store sizes in statements")
    bench.add_argument(
        "--topic-sizes", type=int, nargs="+", default=[1_000, 10_000], help="statements for the topic-stage benchmark"
    )
    bench.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    sub.add_parser(
        "train-topics",
        help="choose the seeded-topic threshold (data/models/topics.json) and train the topic model (topic_model.npz)",
    )
    sub.add_parser("train-stance", help="fit the stance model on our labelled statements (writes data/models/stance.npz)")
    return parser


def run_train_stance() -> int:
    """Train the stance model on the fixture and the demo gold, print its cross-validated accuracy."""
    from pipeline import stance_model
    from pipeline.embedding import MiniLMEmbedder
    from pipeline.labelled import stance_inputs, stance_training_statements

    examples = stance_training_statements()
    inputs = stance_inputs(examples, MiniLMEmbedder())
    model, cv_accuracy = stance_model.train(
        inputs["texts"], [x.stance for x in examples], inputs["vectors"], inputs["sides"], inputs["topics"], inputs["topic_ids"]
    )
    stance_model.save(model)
    print(
        f"stance model: {len(examples)} examples, {stance_model.CV_FOLDS}-fold accuracy {cv_accuracy:.3f}, saved to {stance_model.MODEL_FILE}"
    )
    return 0


def run_train_topics() -> int:
    """Calibrate the topic threshold on the fixture (real reference) and the demo gold (demo reference)."""
    from pipeline import settings, topic_calibration
    from pipeline.embedding import MiniLMEmbedder
    from pipeline.labelled import demo_statements, fixture_statements
    from pipeline.reference import load_reference

    real = load_reference(settings.DEFAULT_REFERENCE_DIR)
    demo = load_reference(settings.DEFAULT_REFERENCE_DIR, settings.DEMO_REFERENCE_DIR, replace=True)
    datasets = [(fixture_statements(), list(real.topics)), (demo_statements(), list(demo.topics))]
    embedder = MiniLMEmbedder()
    calibration = topic_calibration.calibrate(datasets, embedder)
    topic_calibration.save(calibration)
    trained = train_topic_model(list(real.topics), embedder)
    print(
        f"topic threshold {calibration['threshold']}, context weights {calibration['weights']} "
        f"(mean accuracy {calibration['accuracy']}), saved to {topic_calibration.CALIBRATION_FILE}; "
        f"topic model trained on {trained} statements"
    )
    return 0


def train_topic_model(seeds, embedder) -> int:
    """Fit the topic classifier on our labelled statements of the seeded topics and save it."""
    from pipeline import topic_model
    from pipeline.labelled import topic_training_statements

    ids = {seed.topic_id for seed in seeds}
    examples = [x for x in topic_training_statements() if x.topic in ids]
    vectors = [
        embedder.embed(column) for column in zip(*[(x.sentence, x.before or x.sentence, x.lead or x.sentence) for x in examples])
    ]
    topic_model.save(topic_model.train([x.topic for x in examples], *vectors))
    return len(examples)


def run_eval(args) -> int:
    """Print evaluation figures as JSON and fail when one is below its floor."""
    import json

    from pipeline import evaluate, settings
    from pipeline.reference import load_reference

    reference = load_reference(settings.DEFAULT_REFERENCE_DIR)
    if args.labelled:
        return run_eval_labelled(reference, args.labelled, args.show_errors)
    figures = {}
    figures["dating"], dating_results = evaluate.evaluate_dating(reference)
    figures["statements"], statement_eval = evaluate.evaluate_statements(reference)
    figures["statements_wire"], _ = evaluate.evaluate_statement_sets(reference, sorted(evaluate.FIXTURES.glob("stance_*.yaml")))
    if not args.no_topics:
        from pipeline.embedding import MiniLMEmbedder

        embedder = MiniLMEmbedder()
        figures["topics"] = evaluate.evaluate_topics(reference, embedder)
        figures["topics"]["demo_seeded_accuracy"] = evaluate.evaluate_demo_topics(embedder)
        figures["stance"] = evaluate.evaluate_stance(embedder)
        figures["stance"]["seeds"] = evaluate.evaluate_seed_stances(embedder)
        figures["heldout"] = evaluate.evaluate_heldout(reference, embedder)
    print(json.dumps(figures, indent=2))
    if args.show_errors:
        bad = [r for r in dating_results if r.outcome not in ("exact", "inside", "undated-correct")]
        for r in bad[: args.show_errors]:
            print(
                f"dating {r.outcome}: {r.case_id} truth={r.truth} claim={r.claim.earliest}..{r.claim.latest} "
                f"({r.claim.precision}, {r.claim.method}: {r.claim.evidence[:120]})"
            )
        for err in statement_eval.errors[: args.show_errors]:
            print("statements", err)
    floors = evaluate.load_floors()
    if args.no_topics:
        floors.pop("topics", None)
        floors.pop("stance", None)
        floors.pop("heldout", None)
    failures = evaluate.check_floors(figures, floors)
    for failure in failures:
        print(f"BELOW FLOOR: {failure}", file=sys.stderr)
    return 1 if failures else 0


def run_eval_labelled(reference, paths: list[Path], show_errors: int) -> int:
    """Figures on labelled files kept anywhere (no floors): statements, speakers, sides, topics, stance,
    and article dating where the snippets give their true publication day (``published``)."""
    import json

    import yaml

    from pipeline import evaluate
    from pipeline.embedding import MiniLMEmbedder

    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"error: no such labelled file: {', '.join(missing)}", file=sys.stderr)
        return 2
    mistakes: list = []
    try:
        # dating first: it needs no model, so a bad "published" value is reported at once
        dating, dated = evaluate.evaluate_labelled_dating(reference, paths, dt.date.today())
        figures = evaluate.evaluate_heldout(reference, MiniLMEmbedder(), paths, mistakes)
    except (KeyError, TypeError, ValueError, yaml.YAMLError) as exc:
        print(f"error: a labelled file is not in the held-out format: {exc!r}", file=sys.stderr)
        return 2
    if dating:
        figures["dating"] = dating
        mistakes.extend(
            (
                "dating",
                r.case_id,
                r.outcome,
                f"true {r.truth[0]}",
                f"claimed {r.claim.earliest}..{r.claim.latest}",
                r.claim.evidence,
            )
            for r in dated
            if r.outcome != "exact"
        )
    print(json.dumps({"labelled": figures}, indent=2))
    for kind in ("statements", "stance", "dating"):
        for mistake in [m for m in mistakes if m[0] == kind][:show_errors]:
            print(*mistake, sep=" | ")
    return 0


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
    if args.command == "eval":
        return run_eval(args)
    if args.command == "train-stance":
        return run_train_stance()
    if args.command == "train-topics":
        return run_train_topics()
    if args.command == "bench":
        import json

        from pipeline import bench as bench_module

        if args.one is not None:
            logging.disable(logging.WARNING)
            print(json.dumps(bench_module.run_one(args.one)))
            return 0
        return bench_module.main(args.sizes, args.app_sizes, args.topic_sizes)
    return 1


if __name__ == "__main__":
    sys.exit(main())

"""One guide's build: what to make and where, loading everything it needs, and rendering every
format so that the outputs change only when all of them succeed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from guidebuilder import cache
from guidebuilder.brand.model import Brand
from guidebuilder.errors import GuideBuilderError, Problem, RenderError
from guidebuilder.plan.document import DocumentPlan, RenderOptions
from guidebuilder.run.dates import build_stamp, current_stamps
from guidebuilder.run.formats import format_named
from guidebuilder.run.output import (
    check_targets,
    commit,
    discard,
    stage,
    write_files,
    write_problem,
)
from guidebuilder.run.records import Record, contents, make_record, up_to_date
from guidebuilder.run.renderers import Renderer, RenderSet

if TYPE_CHECKING:
    from guidebuilder.guide.model import Guide
    from guidebuilder.reading.located import Located
    from guidebuilder.run.dates import Stamp


@dataclass(frozen=True)
class Job:
    """One guide to build: which formats, where, for which audience and brand, and how."""

    guide: Path
    targets: dict[str, Path]
    brand: Path | None = None
    audience: str | None = None
    options: RenderOptions = field(default_factory=RenderOptions)
    rebuild: bool = False  # render even when the outputs are up to date

    @property
    def options_key(self) -> str:
        """What of the job, beside its inputs, shapes its outputs (for its record)."""
        return repr((self.audience, self.options))


@dataclass
class Result:
    """What a job wrote, what it warned about, and the error that stopped it, if any."""

    job: Job
    written: list[Path] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    error: GuideBuilderError | None = None
    staged: dict[Path, Path] = field(default_factory=dict)  # complete, not yet in place
    inputs: dict[Path, str] = field(default_factory=dict)  # what it read (when it got so far)
    record: Record | None = None  # what its outputs are built from (when it got so far)
    up_to_date: bool = False  # nothing that shapes the outputs changed: nothing was rendered


class Prepared(NamedTuple):
    """Everything a job renders from, validated, and what is said and recorded about it."""

    plan: DocumentPlan
    brand: Brand
    inputs: dict[Path, str]  # every file read, and what it is (the guide, the brand file, …)
    account: Account


@dataclass(frozen=True)
class Account:
    """A job's warnings and the record kept beside its outputs: worked out while its outputs
    render, since no renderer needs them."""

    job: Job
    guide: Guide
    source: Located
    brand: Brand
    brand_file: Path | None
    found: list[Problem]  # while loading (the brand's, the fonts')
    stamp: Stamp
    inputs: list[Path]

    def warnings(self) -> list[Problem]:
        from guidebuilder.run.notices import language_warnings, placeholder_warnings

        return (self.found + language_warnings(self.source, self.guide.language)
                + placeholder_warnings(self.brand, self.brand_file))

    def record(self) -> Record:
        """What the outputs are built from: the inputs as read now, and the brand files looked
        for before the one used."""
        from guidebuilder.brand.locate import brand_candidates

        looked = brand_candidates(self.job.guide, self.job.brand)
        absent = (looked[:looked.index(self.brand_file)] if self.brand_file in looked
                  else looked)
        return make_record(self.job.options_key, self.stamp, self.inputs, absent)


def output_paths(guide: Path, out_dir: Path, formats: tuple[str, ...],
                 audience: str | None = None) -> dict[str, Path]:
    """``out_dir/<stem>[-audience].<format>``: names come from the file stem only."""
    stem = guide.stem + (f"-{_safe(audience)}" if audience else "")
    return {fmt: out_dir / f"{stem}{format_named(fmt).suffix}" for fmt in formats}


def _safe(name: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in name).strip("-.")
    return cleaned or "audience"


class LoadedBrand(NamedTuple):
    """A job's brand, the file it came from (None for the built-in one) and its warnings."""

    brand: Brand
    file: Path | None
    warnings: list[Problem]


def load_job_brand(job: Job) -> LoadedBrand:
    """The brand a job uses: its ``--brand`` file, else the one beside the guide or here."""
    from guidebuilder.brand.locate import find_brand, load_brand

    brand_file = find_brand(job.guide, job.brand)
    brand, warnings = load_brand(brand_file)
    return LoadedBrand(brand, brand_file, warnings)


def prepare(job: Job, loaded: LoadedBrand | None = None) -> Prepared:
    """Load and validate everything a job needs (the brand too, unless ``loaded``); raises
    before any output is touched, a broken guide before a broken brand."""
    from guidebuilder.brand.fallback import with_fallbacks
    from guidebuilder.brand.scripts import missing_glyph_warnings
    from guidebuilder.guide.load import load_guide
    from guidebuilder.plan.build import build_plan, roles_for

    guide, source = load_guide(job.guide)
    brand, brand_file, warnings = loaded or load_job_brand(job)
    brand, fallback_notices = with_fallbacks(brand, source)
    warnings = warnings + fallback_notices + missing_glyph_warnings(source, brand)  # or refuses
    stamp = build_stamp(job.guide, guide.date)
    plan = build_plan(guide, job.audience, stamp.when)
    if job.audience is not None and not roles_for(guide, job.audience):
        raise GuideBuilderError(Problem(job.guide, f"no role is for the audience "
                                        f"'{job.audience}', so there is nothing to build",
                                        hint="check the name, or the roles' audience lists"))
    inputs = {job.guide: "the guide", **({brand_file: "the brand file"} if brand_file else {}),
              **dict.fromkeys(brand.files(), "a file the brand file names")}
    return Prepared(plan, brand, inputs, Account(job, guide, source, brand, brand_file,
                                                 warnings, stamp, list(inputs)))


def check_not_inputs(targets: dict[str, Path], inputs: dict[Path, str]) -> None:
    """Refuse outputs that would land on a file the build reads."""
    problems = []
    for target in targets.values():
        for path, what in inputs.items():
            if _same_file(target, path):
                problems.append(Problem(target, f"is {what}; writing the output there would "
                                        "replace it", hint="choose another output path"))
    if problems:
        raise RenderError(problems)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def run_job(job: Job, renderers: RenderSet | None = None) -> Result:
    """Build every target of ``job`` with ``renderers`` (else here) and put the outputs in
    place, all of them or, on any failure, none."""
    return commit_job(finish_job(start_job(job, renderers or RenderSet(tuple(job.targets),
                                                                        forked=False))))


def _up_to_date(job: Job) -> bool:
    """Whether nothing that shapes the job's outputs changed since they were written (never,
    with ``rebuild``, or when the guide cannot be read: the build then says why)."""
    try:
        return not job.rebuild and up_to_date(list(job.targets.values()), job.options_key,
                                               current_stamps(job.guide))
    except OSError:
        return False


@dataclass
class Started:
    """A job validated and under way: its result so far, the renderers rendering it, and the
    temporaries they write."""

    result: Result
    busy: list[Renderer] = field(default_factory=list)
    temporaries: dict[Path, Path] = field(default_factory=dict)


def start_job(job: Job, renderers: RenderSet) -> Started:
    """Validate ``job`` and start each format's render, unless its outputs are up to date;
    returns when forked renderers have the plan (renderers here have finished)."""
    started = Started(Result(job))
    if _up_to_date(job):
        started.result.up_to_date = True
        return started
    try:
        with _captured(started.result):
            plan, brand, inputs, account = prepare(job, _warm(job, renderers))
            started.result.inputs = inputs
            check_not_inputs(job.targets, inputs)
            check_targets(job.targets.values())
            started.temporaries = stage(job.targets.values())
            for fmt, target in job.targets.items():
                renderer = renderers.get(fmt)
                renderer.start(plan, brand, started.temporaries[target], job.options)
                started.busy.append(renderer)
            started.result.warnings = account.warnings()  # while forked renderers render
            started.result.record = account.record()
    except BaseException:  # interrupted: nothing of this job may stay behind
        abandon(started)
        raise
    return started


def finish_job(started: Started) -> Result:
    """Read every renderer's answer (so each is ready for the next job); the outputs are
    staged only when all formats succeeded."""
    result = started.result
    try:
        for renderer in started.busy:
            with _captured(result):
                result.warnings += renderer.result()
        started.busy.clear()
        result.warnings += cache.notices()  # a cache that could not be used here or there
        if result.error is None:
            result.staged, started.temporaries = started.temporaries, {}
    finally:
        abandon(started)  # what failed, or was interrupted
    return result


def abandon(started: Started) -> None:
    """Drop a job's temporaries (after a failure, or when a stopped batch never finishes it)."""
    discard(started.temporaries)
    started.temporaries = {}


@contextmanager
def _captured(result: Result) -> Iterator[None]:
    """Errors become the result's (the first one is kept), never raised: one guide's failure,
    or a bug, must not end a batch or the watcher."""
    try:
        yield
    except GuideBuilderError as exc:
        result.error = result.error or exc
    except OSError as exc:
        result.error = result.error or RenderError(write_problem(exc, list(result.job.targets.values())))
    except Exception as exc:
        result.error = result.error or GuideBuilderError(Problem(
            result.job.guide, f"could not be built ({type(exc).__name__}: {exc})",
            hint="please report this with the guide"))


def _warm(job: Job, renderers: RenderSet) -> LoadedBrand | None:
    """Load the brand first when forked renderers render, so they load its fonts while this
    process validates the guide; None when they render here, or the brand is broken
    (``prepare`` then reports it after any problem of the guide)."""
    if not renderers.forked:
        return None
    try:
        loaded = load_job_brand(job)
    except GuideBuilderError:
        return None
    for fmt in job.targets:
        renderers.get(fmt).warm(loaded.brand)
    return loaded


def commit_job(result: Result) -> Result:
    """Put a staged result's outputs in place, all of them or (on failure) none."""
    if not result.staged:
        return result
    try:
        commit(result.staged)
        result.written = list(result.staged)
        if result.record is not None:
            write_files(contents(result.record, result.written))
    except RenderError as exc:  # the outputs are written; without a record they are rebuilt
        result.warnings += exc.problems
    except OSError as exc:
        result.error = RenderError(write_problem(exc, list(result.job.targets.values())))
    finally:
        discard(result.staged)
        result.staged = {}
    return result

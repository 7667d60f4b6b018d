"""What resolving one brand file shares across its keys: the located source, the problems and
warnings found so far, and file lookup relative to the brand file."""

from __future__ import annotations

from pathlib import Path

from guidebuilder.errors import Problem
from guidebuilder.reading.located import Key, Located, format_path
from guidebuilder.reading.validation import located_problem


class Resolution:
    """Collects problems (which stop the build) and warnings (which do not) for one brand file."""

    def __init__(self, source: Located) -> None:
        self.source = source
        self.folder = source.file.parent
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def fail(self, path: Key, message: str, hint: str) -> None:
        """A problem that stops the build (each said once, however often it is met)."""
        problem = located_problem(self.source, path, message, hint)
        if problem not in self.problems:
            self.problems.append(problem)

    def warn(self, path: Key, message: str, hint: str = "") -> None:
        """A notice that does not stop the build (each said once)."""
        line, column = self.source.position(path)
        warning = Problem(self.source.file, message, line, column, format_path(path), hint)
        if warning not in self.warnings:
            self.warnings.append(warning)

    def file(self, relative: str, path: Key, what: str, required: bool = True) -> Path | None:
        """The readable file ``relative`` names, relative to the brand file's folder (a path
        starting with ``/`` too, as Quarto reads it from the project root; ``~`` is the home
        folder). A URL is never fetched: it gets a notice. A missing or unreadable file is a
        problem, or a notice when not ``required``."""
        if "://" in relative:
            self.warn(path, f"the {what} '{relative}' is a URL, and guidebuilder never downloads "
                            "during a build", "download the file and give its path instead")
            return None
        report = self.fail if required else self.warn
        target = (Path(relative).expanduser() if relative.startswith("~")
                  else self.folder / relative.lstrip("/"))
        if not target.is_file():
            message = (f"{what} file '{relative}' not found" if not target.exists()
                       else f"{what} path '{relative}' is not a file")
            report(path, message, f"paths are relative to the brand file's folder, "
                                  f"{self.folder.absolute()}")
            return None
        try:
            with target.open("rb"):
                pass
        except OSError as exc:
            report(path, f"cannot read {what} file '{relative}' ({exc.strerror})"
                         + ("" if required else "; it is left out"), "check its permissions")
            return None
        return target

"""Read a YAML file safely into plain data, remembering the line and column of every value."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from guidebuilder.errors import Problem, YamlError

MAX_FILE_BYTES = 2_000_000
MAX_VALUES = 50_000
MAX_DEPTH = 40

Key = tuple[str | int, ...]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:timestamp",
}
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_KINDS = {"tag:yaml.org,2002:int": "a number", "tag:yaml.org,2002:float": "a number",
          "tag:yaml.org,2002:bool": "true/false", "tag:yaml.org,2002:timestamp": "a date"}
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Located:
    """Plain data from a YAML file plus the (line, column) of each value and mapping key."""

    file: Path
    data: Any
    values: dict[Key, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Key, tuple[int, int]] = field(default_factory=dict)
    kinds: dict[Key, str] = field(default_factory=dict)  # scalars YAML reads as other than text
    text: str = ""

    def find(self, needle: str, path: Key) -> tuple[int, int]:
        """Where ``needle`` first appears in the source at or after the value at ``path``
        (the value's own position when it is not written literally)."""
        line, column = self.position(path)
        lines = self.text.split("\n")
        start = sum(len(text) + 1 for text in lines[: line - 1]) + column - 1
        found = self.text.find(needle, start)
        return (line, column) if found < 0 else line_column(self.text, found)

    def position(self, path: Key, *, key: bool = False) -> tuple[int, int]:
        """Best known position for ``path``: the key itself, its value, or the nearest parent."""
        table = (self.keys, self.values) if key else (self.values, self.keys)
        for cut in range(len(path), -1, -1):
            for positions in table:
                if path[:cut] in positions:
                    return positions[path[:cut]]
        return (1, 1)


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of the character at ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def read_text(path: Path, what: str, limit: int = MAX_FILE_BYTES) -> str:
    """Read ``path`` as UTF-8 text, turning every way that can fail into a located problem."""
    if path.is_dir():
        raise YamlError([Problem(path, f"is a folder, not a {what} file",
                                 hint="give the path of a .yaml file")])
    if path.exists() and not path.is_file():  # a pipe or a device would block or never end
        raise YamlError([Problem(path, f"is not a regular file, so it cannot be a {what} file",
                                 hint="give the path of a .yaml file")])
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise YamlError([Problem(path, "file not found", hint="check the path")]) from None
    except OSError as exc:
        raise YamlError([Problem(path, f"cannot read the file ({exc.strerror})",
                                 hint="check that it exists and is readable")]) from None
    if len(raw) > limit:
        raise YamlError([Problem(path, f"file is larger than {limit // 1_000_000} MB",
                                 hint=f"split the {what} into smaller files")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8-sig")  # valid up to the bad byte
        line, column = line_column(before, len(before))
        raise YamlError([Problem(path, f"is not UTF-8 text (byte 0x{raw[exc.start]:02x})",
                                 line, column, hint="save the file with UTF-8 encoding")]) from None


_KEY_AND_TEXT = re.compile(r"^(\s*(?:- )?)([^\s:#'\"][^:#]*?):\s+(.*?)\s*$")


def _syntax_problem(problem: str, line: str) -> tuple[str, str]:
    """A YAML syntax error in plain words, with the fix. The most likely one of a first-time
    author: text holding ": " written without quotes, which YAML reads as a second key."""
    found = _KEY_AND_TEXT.match(line)
    if "mapping values are not allowed" in problem and found:
        indent, key, value = found.groups()
        quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        return (f"YAML syntax error: the text after '{key.strip()}:' holds \": \", which YAML "
                "reads as the start of another key",
                f"put the text in quotes: {indent.lstrip('- ')}{key.strip()}: {quoted}")
    if "\t" in line[:len(line) - len(line.lstrip())] or (
            "cannot start any token" in problem and "\t" in line):
        return ("YAML syntax error: a tab indents this line; YAML indents with spaces only",
                "replace the tab with spaces")
    if "expected '-' indicator" in problem or "expected <block end>" in problem:
        return ("YAML syntax error: this line is indented differently from the lines before "
                "it, and YAML reads what belongs to what from the indentation",
                "indent it with as many spaces as the other keys of the item it belongs to")
    return (f"YAML syntax error: {problem}",
            "check indentation, colons and quotes around this point")


def load(path: Path, what: str, example: str) -> Located:
    """Parse ``path`` with a safe composer (never constructs objects, bounds alias expansion);
    the file must hold a mapping, such as ``example``."""
    text = read_text(path, what)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        message, hint = _syntax_problem(str(exc.problem or exc.context),
                                        text.split("\n")[line - 1] if line else "")
        raise YamlError([Problem(path, message, line, column, hint=hint)]) from None
    except yaml.reader.ReaderError as exc:
        position = exc.position
        if _Loader is not yaml.SafeLoader:  # libyaml counts bytes of UTF-8, not characters
            position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
        line, column = line_column(text, position)
        raise YamlError([Problem(path, f"the control character U+{exc.character:04X} is not "
                                 "allowed", line, column, hint="remove it")]) from None
    except yaml.YAMLError as exc:
        raise YamlError([Problem(path, f"YAML syntax error: {exc}",
                                 hint="check the file is YAML")]) from None
    if node is None:
        raise YamlError([Problem(path, "the file is empty", 1, 1,
                                 hint=f"start from 'guidebuilder init' for a sample {what}")])
    located = Located(path, None, text=text)
    builder = _Builder(located)
    located.data = builder.build(node, (), 0)
    if builder.problems:
        raise YamlError(builder.problems)
    if not isinstance(located.data, dict):
        raise YamlError([Problem(path, f"a {what} file must be a mapping of keys ({example})",
                                 1, 1, hint=f"start the file with '{example.split(',')[0]}:'")])
    return located


class _Builder:
    """Walks composed YAML nodes into dicts, lists and strings (scalars keep their source text)."""

    def __init__(self, located: Located) -> None:
        self.located = located
        self.count = 0
        self.problems: list[Problem] = []
        self.seen: set[int] = set()  # nodes built once already: a node met again is an alias
        self.aliased = False
        self.merges: dict[int, list[tuple[yaml.Node, yaml.Node]]] = {}

    def _fail(self, node: yaml.Node, message: str, hint: str, path: Key) -> None:
        self.problems.append(Problem(self.located.file, message, node.start_mark.line + 1,
                                     node.start_mark.column + 1, format_path(path), hint))

    def build(self, node: yaml.Node, path: Key, depth: int) -> Any:
        self.count += 1
        if id(node) in self.seen:
            self.aliased = True
        self.seen.add(id(node))
        if self.count > MAX_VALUES:
            if self.count == MAX_VALUES + 1:
                self._too_many(node, path)
            return None
        if depth > MAX_DEPTH:
            self._fail(node, f"nested deeper than {MAX_DEPTH} levels",
                       "flatten the structure", path)
            return None
        self.located.values.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
            return self._mapping(node, path, depth)
        self._fail(node, f"the YAML tag '{node.tag}' is not allowed",
                   "remove the tag; guides hold only text, lists and mappings", path)
        return None

    def _scalar(self, node: yaml.ScalarNode, path: Key) -> str | None:
        if node.tag == _NULL:
            return None
        if node.tag in _PLAIN_TAGS:
            if node.tag in _KINDS:
                self.located.kinds[path] = _KINDS[node.tag]
            return str(node.value)
        self._fail(node, f"the YAML tag '{node.tag}' is not allowed",
                   "remove the tag; guides hold only text, lists and mappings", path)
        return None

    def _too_many(self, node: yaml.Node, path: Key) -> None:
        if self.aliased:
            self._fail(node, f"more than {MAX_VALUES:,} values once aliases (*name) and merge "
                             "keys (<<) are expanded", "use fewer aliases, or split the file",
                       path)
        else:
            self._fail(node, f"more than {MAX_VALUES:,} values in one file",
                       "split it into smaller files", path)

    def _mapping(self, node: yaml.MappingNode, path: Key, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in self._merged_pairs(node, path, ()):
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _NULL:
                self._fail(key_node, "a mapping key must be plain text",
                           "write the key as a simple word followed by a colon", path)
                continue
            key = str(key_node.value)
            if key in result:
                self._fail(key_node, f"the key '{key}' appears twice in this mapping",
                           "keep one of them", (*path, key))
                continue
            self.located.keys[(*path, key)] = (key_node.start_mark.line + 1,
                                               key_node.start_mark.column + 1)
            result[key] = self.build(value_node, (*path, key), depth + 1)
        return result

    def _merged_pairs(self, node: yaml.MappingNode, path: Key,
                      within: tuple[int, ...]) -> list[tuple[yaml.Node, yaml.Node]]:
        """The mapping's pairs with YAML merge keys (``<<: *base``) applied, own keys winning.
        Each mapping is merged once (so nested merges cost linear time), a mapping that merges
        itself is a problem, and merged pairs count toward the value limit."""
        if id(node) in self.merges:
            return self.merges[id(node)]
        own = [(k, v) for k, v in node.value if k.tag != _MERGE]
        inherited: list[tuple[yaml.Node, yaml.Node]] = []
        for key_node, value_node in node.value:
            if key_node.tag != _MERGE:
                continue
            self.aliased = True
            sources = (value_node.value if isinstance(value_node, yaml.SequenceNode)
                       else [value_node])
            for source in sources:
                if not isinstance(source, yaml.MappingNode):
                    self._fail(source, "a merge key (<<) must name a mapping (<<: *base)",
                               "point it at an anchored mapping, or remove it", path)
                elif id(source) in (*within, id(node)):
                    self._fail(source, "a merge key (<<) merges the mapping into itself",
                               "merge another mapping, or remove the merge key", path)
                else:
                    inherited += self._merged_pairs(source, path, (*within, id(node)))
            self.count += len(inherited)
        known = {k.value for k, _ in own if isinstance(k, yaml.ScalarNode)}
        pairs = list(own)
        for key_node, value_node in inherited:
            name = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if name is None or name not in known:
                pairs.append((key_node, value_node))
                if name is not None:
                    known.add(name)
        self.merges[id(node)] = pairs
        return pairs


def format_path(path: Key) -> str:
    """``('roles', 1, 'id')`` becomes ``roles[1].id``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text

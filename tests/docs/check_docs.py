#!/usr/bin/env python3
"""Checks that the repository's documentation stands on its own (issue 22, part 5).

1. Every fact ID a scenario file (scenarios/**/*.yaml) cites is defined in docs/sources.md: a cited
   `RAG-4`, `BBRN-1..7`, `CT-8..CT-12`, `WF-4/5` or `3a.10` must be the first cell of a table row
   there (ranges are expanded on both sides). Plain-number 2004 IDs such as `1.19` cannot be told apart
   from numbers in a scenario, so they are not checked here.
2. No file in the repository (outside .git and build directories) points at a file outside it: the
   shared project notes the sources were first written in are not part of a clone.
3. Every relative link in README.md and docs/**/*.md resolves to a file in the repository.
4. (--keys) The scenario-key table of docs/reference/scenario-keys.md ("Every key") and the loader
   agree: every key the loader reads by name (`reader.number("key", ...)` and the like in
   sim/config/, sweep files apart) appears in that section, and every key name in the table's first
   column is a string literal of the loader or of models/ (enumerated names such as `very_high` are
   read through tables of names). The check is by key name, not by full path.

Usage: check_docs.py --root REPO [--keys]  (exit status 1 and one line per problem on failure)
       check_docs.py --self-test   (plants each kind of fault in a scratch tree and expects a failure)
"""
import argparse
import atexit
import os
import re
import shutil
import sys
import tempfile

# The patterns are assembled so that this file does not match them itself.
OUTSIDE_REFERENCES = [re.escape("../" + "shared"), r"\bDOMAIN" + r"\.md\b", r"\bDESIGN" + r"\.md\b"]
SKIPPED_DIRS = {".git", "node_modules", "results"}
TEXT_SUFFIXES = {".md", ".txt", ".yaml", ".yml", ".cpp", ".hpp", ".h", ".cc", ".py", ".sh", ".cmake",
                 ".csv", ".json", ".js", ".html", ".css", ".in", ".slurm", ".clang-format", ""}

ID = r"(?:[A-Z]{1,5}-\d+|\d[a-d]\.\d+)"
# Tokens shaped like an ID that are not one; the data files' person and staff ids (E-000001) are not read.
NOT_SOURCE_IDS = {"UTF-8", "UTF-16", "AVX-512", "COVID-19"}
NOT_CITING = (os.path.join("scenarios", "data") + os.sep,)
SELF = os.path.join("tests", "docs", "check_docs.py")  # its self-test plants undefined IDs
# An ID, optionally followed by a range (`..b`, `..X-b`, `–b`) or alternatives (`/b`, `/X-b`).
CITATION = re.compile(r"(?<![A-Za-z0-9.-])(" + ID + r")((?:(?:\.\.|–|/)(?:[A-Z]{1,5}-|\d[a-d]\.)?\d+)*)"
                      r"(?![A-Za-z0-9-])")


def expand(head, tail):
    """`RAG-2` + `..12` → RAG-2 … RAG-12; `WF-4` + `/5` → WF-4, WF-5; `3a.10` + `/3a.11`."""
    prefix, first = re.match(r"(.*?)(\d+)$", head).groups()
    ids = {head}
    previous = int(first)
    for separator, own_prefix, number in re.findall(r"(\.\.|–|/)([A-Z]{1,5}-|\d[a-d]\.)?(\d+)", tail):
        number = int(number)
        if separator == "/" and own_prefix and own_prefix != prefix:  # `SDA-8/CT-16`: two IDs
            prefix = own_prefix
            ids.add(f"{prefix}{number}")
        elif separator == "/":
            ids.add(f"{prefix}{number}")
        else:
            ids.update(f"{prefix}{n}" for n in range(previous, number + 1))
        previous = number
    return ids


def citations(text):
    found = set()
    for match in CITATION.finditer(text):
        found |= expand(match.group(1), match.group(2))
    return found


def defined_ids(sources_text):
    """IDs named in the first cell of a table row of docs/sources.md."""
    ids = set()
    for line in sources_text.splitlines():
        cell = re.match(r"\|\s*([^|]+?)\s*\|", line)
        if cell:
            ids |= citations(cell.group(1))
    return ids


def repository_files(root):
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = [d for d in subdirs if d not in SKIPPED_DIRS and not d.startswith("build")]
        for name in files:
            path = os.path.join(directory, name)
            if os.path.splitext(name)[1] in TEXT_SUFFIXES or name in ("CMakeLists.txt",):
                yield path


def check(root):
    problems = []
    sources_path = os.path.join(root, "docs", "sources.md")
    if not os.path.isfile(sources_path):
        return ["docs/sources.md is missing"]
    with open(sources_path, encoding="utf-8") as f:
        defined = defined_ids(f.read())

    outside = re.compile("|".join(OUTSIDE_REFERENCES))
    for path in repository_files(root):
        relative = os.path.relpath(path, root)
        try:
            with open(path, encoding="utf-8") as f:
                lines = f.readlines()
        except (UnicodeDecodeError, OSError):
            continue
        cites = not relative.startswith(NOT_CITING) and relative != SELF
        for number, line in enumerate(lines, 1):
            if cites:
                for cited in sorted(citations(line) - defined - NOT_SOURCE_IDS):
                    problems.append(f"{relative}:{number}: cites {cited}, which docs/sources.md does not define")
            hit = outside.search(line)
            if hit:
                problems.append(f"{relative}:{number}: refers to `{hit.group(0)}`, "
                                "a file outside the repository (cite docs/sources.md or an ID)")

    markdown = [os.path.join(root, "README.md")]
    for directory, _, files in os.walk(os.path.join(root, "docs")):
        markdown += [os.path.join(directory, n) for n in files if n.endswith(".md")]
    link = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
    for path in markdown:
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                for target in link.findall(line):
                    if re.match(r"[a-z]+:", target):
                        continue
                    if not os.path.exists(os.path.join(os.path.dirname(path), target)):
                        problems.append(f"{os.path.relpath(path, root)}:{number}: broken link {target}")
    return problems


LOADER_READ = re.compile(r'\.(?:node|number|integer|boolean|text|date|choice)\(\s*"([a-z_0-9]+)"')


def check_scenario_keys(root):
    keys_page = os.path.join(root, "docs", "reference", "scenario-keys.md")
    if not os.path.isfile(keys_page):
        return ["docs/reference/scenario-keys.md is missing"]
    with open(keys_page, encoding="utf-8") as f:
        text = f.read()
    if "## Every key" not in text:
        return ["docs/reference/scenario-keys.md has no \"## Every key\" section"]
    section = text[text.index("## Every key"):]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    table_keys = {}  # key name → the row's first cell, for the message
    for row in rows:
        cell = row.split("|")[1]
        for code in re.findall(r"`([^`]+)`", cell):
            for name in re.findall(r"[a-z][a-z0-9_]*", re.sub(r"<[^>]*>", "", code)):
                table_keys.setdefault(name, cell.strip())
    documented = set()
    for code in re.findall(r"`([^`]+)`", section):
        documented |= set(re.findall(r"[a-z][a-z0-9_]*", code))

    config = os.path.join(root, "sim", "config")
    loader_files = sorted(os.path.join(d, n) for d, _, names in os.walk(config) for n in names
                          if n.endswith(".cpp") and "sweep" not in n)  # a split loader may use subfolders
    read, literals = {}, set()
    for path in loader_files:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                for key in LOADER_READ.findall(line):
                    read.setdefault(key, f"{os.path.relpath(path, root)}:{number}")
                literals |= set(re.findall(r'"([a-z_0-9]+)"', line))
    for directory, _, files in os.walk(os.path.join(root, "models")):
        for name in files:
            if name.endswith((".hpp", ".cpp")):
                with open(os.path.join(directory, name), encoding="utf-8") as f:
                    literals |= set(re.findall(r'"([a-z_0-9]+)"', f.read()))

    problems = [f"{where}: the loader reads `{key}`, which docs/reference/scenario-keys.md does not document"
                for key, where in sorted(read.items()) if key not in documented]
    problems += [f"docs/reference/scenario-keys.md: `{key}` (in {cell}) is not a key the loader reads"
                 for key, cell in sorted(table_keys.items()) if key not in literals]
    return problems


def scratch_dir():
    """A fresh temporary folder, removed when this script exits (every run used to leave its trees behind)."""
    path = tempfile.mkdtemp(prefix="check_docs_")
    atexit.register(shutil.rmtree, path, True)
    return path


def self_test():
    """Each planted fault must be reported; the clean tree must pass."""
    def tree(sources, scenario, other):
        root = scratch_dir()
        os.makedirs(os.path.join(root, "docs"))
        os.makedirs(os.path.join(root, "scenarios", "base"))
        with open(os.path.join(root, "docs", "sources.md"), "w") as f:
            f.write(sources)
        with open(os.path.join(root, "scenarios", "base", "s.yaml"), "w") as f:
            f.write(scenario)
        with open(os.path.join(root, "README.md"), "w") as f:
            f.write(other)
        return root

    sources = "| ID | Fact |\n|---|---|\n| CT-1 | a |\n| RAG-1..17 | b |\n| WF-4/5 | c |\n| 3a.10/3a.11 | d |\n"
    clean = "x: 1  # CT-1, RAG-4/5, RAG-2..12, WF-5, 3a.11, WF-4/CT-1\n"
    cases = [
        ("clean tree", clean, "See [sources](docs/sources.md).\n", 0),
        ("undefined ID", "x: 1  # CT-99\n", "", 1),
        ("range past the defined IDs", "x: 1  # RAG-16..18\n", "", 1),
        ("alternative not defined", "x: 1  # WF-4/6\n", "", 1),
        ("second ID after a slash not defined", "x: 1  # WF-4/CT-2\n", "", 1),
        ("undefined ID in the README", clean, "As PUB-99 says.\n", 1),
        ("outside path", clean, "See ../" + "shared/reference/notes.\n", 1),
        ("outside file name", clean, "As DOMAIN" + ".md says.\n", 1),
        ("broken link", clean, "See [x](docs/missing.md).\n", 1),
    ]
    def keys_tree(table, loader):
        root = tree(sources, clean, "")
        os.makedirs(os.path.join(root, "docs", "reference"))
        os.makedirs(os.path.join(root, "sim", "config"))
        os.makedirs(os.path.join(root, "models"))
        with open(os.path.join(root, "docs", "reference", "scenario-keys.md"), "w") as f:
            f.write("# Keys\n\n## Every key\n\n| key | meaning |\n|---|---|\n" + table)
        with open(os.path.join(root, "sim", "config", "loader.cpp"), "w") as f:
            f.write(loader)
        return root

    loader = 'root.node("simulation", true);\nroot.node("workforce", true);\nauto a = sim.date("report_start", true);\nauto b = sim.number("leaver_rate_per_year", true, 0, 1);\n'
    table = "| `simulation.report_start` | a date |\n| `workforce.leaver_rate_per_year` | a rate |\n"
    key_cases = [
        ("keys agree", table, loader, 0),
        ("key in the table that the loader does not read", table + "| `simulation.report_stop` | x |\n", loader, 1),
        ("key the loader reads that the table lacks", table, loader + 'sim.integer("warm_up_weeks", true, 0, 9);\n', 1),
    ]
    failures = 0
    for name, table_text, loader_text, expected in key_cases:
        got = len(check_scenario_keys(keys_tree(table_text, loader_text)))
        ok = (got == 0) == (expected == 0)
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {got} problem(s), expected {'none' if not expected else 'some'}")
        failures += not ok
    for name, scenario, readme, expected in cases:
        got = len(check(tree(sources, scenario, readme)))
        ok = (got == 0) == (expected == 0)
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {got} problem(s), expected {'none' if not expected else 'some'}")
        failures += not ok
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=os.path.join(os.path.dirname(__file__), "..", ".."))
    parser.add_argument("--self-test", action="store_true")
    parser.add_argument("--keys", action="store_true", help="check the scenario-key table against the loader")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    root = os.path.abspath(args.root)
    problems = check_scenario_keys(root) if args.keys else check(root)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

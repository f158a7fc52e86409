#!/usr/bin/env python3
"""Holds models/ to its one-way stack of layers (docs/architecture.md, "The layers of models/").

Reads every #include of every source file under models/ and fails when
  - a folder includes a folder above it in LAYERS (a back-edge),
  - a file includes a SimGrid or xbt header (models/ is plain C++; sim/engine owns the engine),
  - a quoted include names neither a models/ folder nor a file beside the includer (for example sim/),
  - models/ has a folder that LAYERS does not place,
  - models/CMakeLists.txt links SimGrid,
  - the order written in docs/architecture.md differs from LAYERS.

  check_layers.py --root DIR     check the project at DIR
  check_layers.py --self-test    check that each rule above catches a planted fault
"""
import argparse
import atexit
import os
import re
import shutil
import sys
import tempfile

# Bottom to top: a folder may include itself and the folders below it, never one above it.
LAYERS = [
    "core",
    "workforce",
    "caseload",
    "prioritisation",
    "sentence_management",
    "office",
    "interventions",
    "scenario",
    "service",
]

SOURCE_SUFFIXES = (".hpp", ".cpp", ".h", ".hh", ".cc", ".ipp", ".tpp")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.MULTILINE)
ENGINE_HEADER = re.compile(r"^(simgrid|xbt)([/.]|$)|^(simgrid|xbt)\.h", re.IGNORECASE)
DOC_ROW = re.compile(r"^([a-z_]+)/\s")


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.DOTALL)
    return re.sub(r"//[^\n]*", "", text)


def check_models(models_dir):
    """Problems found in the includes of models_dir, as 'path:line: message' strings."""
    problems = []
    rank = {name: i for i, name in enumerate(LAYERS)}
    folders = sorted(d for d in os.listdir(models_dir) if os.path.isdir(os.path.join(models_dir, d)))
    for folder in folders:
        if folder not in rank:
            problems.append(f"models/{folder}/: a folder the layer order does not place; add it to LAYERS "
                            "and docs/architecture.md")
    for folder in folders:
        for dirpath, _, files in os.walk(os.path.join(models_dir, folder)):
            for name in sorted(files):
                if not name.endswith(SOURCE_SUFFIXES):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, os.path.dirname(models_dir))
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = strip_comments(f.read())
                for m in INCLUDE.finditer(text):
                    line = text.count("\n", 0, m.start()) + 1
                    delim, target = m.group(1), m.group(2).strip()
                    where = f"{rel}:{line}"
                    if ENGINE_HEADER.search(target):
                        problems.append(f"{where}: includes <{target}>: no SimGrid or xbt header under models/")
                        continue
                    if delim == "<":
                        continue  # the standard library, Boost, yaml-free third-party headers
                    if target.startswith("models/"):
                        target = target[len("models/"):]
                    top = target.split("/")[0]
                    if "/" in target and top in folders + LAYERS:
                        if top not in rank or folder not in rank:
                            continue  # already reported as an unplaced folder
                        if rank[top] > rank[folder]:
                            problems.append(f"{where}: {folder}/ includes \"{m.group(2)}\", from {top}/ above it "
                                            f"(order, bottom to top: {' -> '.join(LAYERS)})")
                    elif not os.path.exists(os.path.join(dirpath, target)):
                        problems.append(f"{where}: includes \"{m.group(2)}\", which is neither a models/ "
                                        "folder nor a file beside it")
    cmake = os.path.join(models_dir, "CMakeLists.txt")
    if os.path.exists(cmake):
        with open(cmake, encoding="utf-8") as f:
            for i, text in enumerate(f, 1):
                code = text.split("#", 1)[0]
                if re.search(r"simgrid", code, re.IGNORECASE):
                    problems.append(f"models/CMakeLists.txt:{i}: mentions SimGrid outside a comment")
    return problems


def check_docs(architecture_md):
    """The order drawn in docs/architecture.md's layer block, top to bottom, must be LAYERS reversed."""
    with open(architecture_md, encoding="utf-8") as f:
        lines = f.read().splitlines()
    try:
        start = next(i for i, l in enumerate(lines) if l.startswith("## The layers of `models/`"))
        fence = next(i for i in range(start, len(lines)) if lines[i].startswith("```"))
        end = next(i for i in range(fence + 1, len(lines)) if lines[i].startswith("```"))
    except StopIteration:
        return [f"{architecture_md}: no fenced layer block under '## The layers of `models/`'"]
    drawn = [m.group(1) for l in lines[fence + 1:end] if (m := DOC_ROW.match(l))]
    if drawn != list(reversed(LAYERS)):
        return [f"{architecture_md}:{fence + 1}: the layer block reads {drawn} (top to bottom), "
                f"tests/house/check_layers.py has {list(reversed(LAYERS))}"]
    return []


def scratch_dir():
    """A fresh temporary folder, removed when this script exits (every run used to leave its trees behind)."""
    path = tempfile.mkdtemp(prefix="check_layers_")
    atexit.register(shutil.rmtree, path, True)
    return path


def self_test():
    """Plants each fault in a scratch models/ tree and checks it is reported, and a clean tree is not."""
    def tree(files):
        root = scratch_dir()
        for rel, text in files.items():
            path = os.path.join(root, "models", rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        return os.path.join(root, "models")

    clean = {
        "core/a.hpp": "#include <vector>\n",
        "caseload/case.hpp": '#include "core/a.hpp"\n#include "workforce/p.hpp"\n#include "case_bits.hpp"\n',
        "caseload/case_bits.hpp": "",
        "workforce/p.hpp": '#include "models/core/a.hpp"\n// #include "office/x.hpp" in a comment\n',
        "office/o.cpp": '#include "caseload/case.hpp"\n/* #include <simgrid/s4u.hpp> */\n',
        "CMakeLists.txt": "# no SimGrid here\nadd_library(m STATIC office/o.cpp)\n",
    }
    cases = {
        "back-edge": ({"workforce/p.hpp": '#include "caseload/case.hpp"\n'}, "above it"),
        "simgrid": ({"office/o.cpp": "#include <simgrid/s4u/Actor.hpp>\n"}, "no SimGrid or xbt"),
        "xbt": ({"core/a.hpp": "#include <xbt/log.h>\n"}, "no SimGrid or xbt"),
        "quoted simgrid": ({"core/a.hpp": '#include "simgrid/s4u.hpp"\n'}, "no SimGrid or xbt"),
        "sim include": ({"office/o.cpp": '#include "engine/office_actor.hpp"\n'}, "neither a models/ folder"),
        "unplaced folder": ({"extras/e.hpp": ""}, "does not place"),
        "cmake links simgrid": ({"CMakeLists.txt": "target_link_libraries(m PUBLIC SimGrid::SimGrid)\n"},
                                "mentions SimGrid"),
    }
    failures = []
    found = check_models(tree(clean))
    if found:
        failures.append(f"clean tree reported: {found}")
    for label, (change, expected) in cases.items():
        found = check_models(tree({**clean, **change}))
        if not any(expected in p for p in found):
            failures.append(f"{label}: expected a problem containing '{expected}', got {found}")
    doc = os.path.join(scratch_dir(), "architecture.md")
    rows = "\n".join(f"{name}/   x" for name in reversed(LAYERS))
    with open(doc, "w", encoding="utf-8") as f:
        f.write(f"## The layers of `models/`\n\n```\n{rows}\n```\n")
    if check_docs(doc):
        failures.append(f"docs in order reported: {check_docs(doc)}")
    swapped = rows.replace("office/", "TMP/").replace("interventions/", "office/").replace("TMP/", "interventions/")
    with open(doc, "w", encoding="utf-8") as f:
        f.write(f"## The layers of `models/`\n\n```\n{swapped}\n```\n")
    if not check_docs(doc):
        failures.append("docs with two layers swapped were not reported")
    for f in failures:
        print(f"self-test: {f}", file=sys.stderr)
    print("self-test: " + ("FAILED" if failures else f"all {len(cases) + 3} checks passed"))
    return 1 if failures else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", help="the project root (holds models/ and docs/)")
    ap.add_argument("--self-test", action="store_true")
    args = ap.parse_args()
    if args.self_test:
        return self_test()
    if not args.root:
        ap.error("--root or --self-test")
    problems = check_models(os.path.join(args.root, "models"))
    problems += check_docs(os.path.join(args.root, "docs", "architecture.md"))
    for p in problems:
        print(p, file=sys.stderr)
    print(f"models/ layers: {len(problems)} problem(s); order, bottom to top: {' -> '.join(LAYERS)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

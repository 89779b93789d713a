"""What the CI integrations cost on top of linting, on Reuters-21578 wire stories.

Prints: lint time, then the time of each output format, of baseline fingerprinting and
matching, of computing fixes (--diff, nothing written) and of reading git's changed lines.

    python benchmarks/integrations.py [N_ARTICLES]
"""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
REUTERS = REPO.parent / "shared" / "data" / "news" / "reuters21578.jsonl.gz"


def timed(label: str, fn, *, per: int | None = None):
    t0 = time.perf_counter()
    value = fn()
    dt = time.perf_counter() - t0
    extra = f"  ({dt / per * 1000:.2f} ms per file)" if per else ""
    print(f"{label:<42} {dt:8.3f} s{extra}")
    return value


def main() -> None:
    from copylint.baseline import Baseline
    from copylint.config import ConfigResolver
    from copylint.fixer import fix_file
    from copylint.formats import available
    from copylint.gitdiff import ChangedLines
    from copylint.postrun import _linter
    from copylint.runner import run

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    articles = []
    with gzip.open(REUTERS, "rt", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if a["headline"] and a["body"]:
                articles.append(a)
                if len(articles) == n:
                    break
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = []
        for a in articles:
            p = root / f"{a['id']}.txt"
            p.write_text(f"{a['headline']}\n\n{a['body']}\n", encoding="utf-8")
            paths.append(str(p))
        size = sum(Path(p).stat().st_size for p in paths)
        print(f"{len(paths)} Reuters stories, {size / 1e6:.2f} MB")

        resolver = ConfigResolver()
        result = timed("lint (jobs=1)", lambda: run([str(root)], resolver, jobs=1), per=len(paths))
        print(f"{'findings':<42} {len(result.findings):8d}")
        by_path: dict[str, list] = {}
        for f in result.findings:
            by_path.setdefault(f.path, []).append(f)

        for name in ("text", "json", "sarif", "github", "junit"):
            def render(name=name):
                out = io.StringIO()
                fmt = available()[name](out, options={})
                fmt.start()
                for path in sorted(by_path):
                    fmt.file(path, by_path[path])
                fmt.finish(result)
                return out.getvalue()

            text = timed(f"format {name}", render)
            print(f"{'  bytes':<42} {len(text):8d}")

        base = timed("baseline: fingerprint + build", lambda: Baseline.from_findings(result.findings, root))
        new, old = timed("baseline: match all findings", lambda: base.split(result.findings))
        assert not new and len(old) == len(result.findings)

        lint = _linter()
        fixable = [p for p, fs in by_path.items() if any(f.fix is not None and f.fix.safe for f in fs)]
        fixes = timed(f"fixes computed (--diff) for {len(fixable)} files",
                      lambda: [fix_file(p, lint, unsafe=False, write=False) for p in fixable],
                      per=max(1, len(fixable)))
        print(f"{'  findings fixed':<42} {sum(f.applied for f in fixes):8d}")

        subprocess.run(["git", "init", "-q"], cwd=root, check=True)
        subprocess.run(["git", "add", "."], cwd=root, check=True)
        subprocess.run(["git", "-c", "user.name=b", "-c", "user.email=b@b", "commit", "-qm", "x"], cwd=root, check=True)
        for p in paths[::3]:
            with open(p, "a", encoding="utf-8") as fh:
                fh.write("\nAn added paragraph.\n")
        changed = ChangedLines("HEAD")
        timed("--changed-since: git diff for all files", lambda: changed.prepare(paths), per=len(paths))


if __name__ == "__main__":
    main()

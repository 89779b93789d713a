"""Reader speed: builds a Markdown and an HTML story of about 20 MB each (paragraphs with
emphasis, links, entities, code, lists, quotes, tables, page furniture) and prints MB/s
for each reader, plus a 4x smaller file to show the time grows linearly.

    PYTHONPATH=src python benchmarks/readers.py [MB]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from copylint.readers import read_text  # noqa: E402

MD_BLOCK = """## Section {n}

KYIV, Ukraine — The *city council* voted on Tuesday to approve the budget, the mayor's office
said in a [statement](https://example.org/news/{n} "City hall") on its website. Repairs cost
**₴48 million** &mdash; about $1.2m &amp; more than planned; see `budget_{n}.csv`.

> "We waited a long time for this," said Olha Bondar, 61, who rides route {n}.
> "It feels like the city is coming back."

- Route 5, from the depot to Freedom Square
- Route 12 to the northern districts <https://example.org/r{n}>

| Route | Reopens |
|-------|---------|
| {n}   | 14 May  |

```text
code that is not prose {n}
```

"""

HTML_BLOCK = """<section>
  <h2>Section {n}</h2>
  <p>KYIV, Ukraine &mdash; The <b>city council</b> voted on Tuesday to approve the budget, the
     mayor&rsquo;s office said in a <a href="https://example.org/news/{n}">statement</a>.
     Repairs cost &#8372;48&nbsp;million; see <code>budget_{n}.csv</code>.</p>
  <!-- copylint: ignore typo.repeated-word -->
  <blockquote><p>&ldquo;We waited a long time for this,&rdquo; said Olha Bondar.</p></blockquote>
  <ul><li>Route 5, from the depot</li><li>Route 12 to the northern districts</li></ul>
  <figure><img src="x{n}.jpg" alt="photo"><figcaption>Trams in the depot {n}.</figcaption></figure>
  <aside><p>Related story {n}</p></aside>
  <script>var n = {n};</script>
</section>
"""


def build(block: str, head: str, tail: str, mb: float) -> str:
    parts = [head]
    size = len(head)
    n = 0
    while size < mb * 1_000_000:
        chunk = block.format(n=n)
        parts.append(chunk)
        size += len(chunk.encode("utf-8"))
        n += 1
    parts.append(tail)
    return "".join(parts)


def measure(name: str, path: str, source: str) -> None:
    size = len(source.encode("utf-8")) / 1_000_000
    t0, c0 = time.perf_counter(), time.process_time()
    doc = read_text(path, source)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    # CPU time is the fairer figure on a shared machine
    print(f"{name:9} {size:6.1f} MB  cpu {cpu:6.2f} s = {size / cpu:5.2f} MB/s   wall {wall:6.2f} s   "
          f"({len(doc.regions)} regions, {len(doc.map.text_starts)} runs)")


def main() -> None:
    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 20.0
    md_head = "---\ntitle: Kyiv council approves budget\nauthor: Jane Doe\ndate: 2024-03-05\n---\n\n# Ignored\n\n"
    html_head = ("<!DOCTYPE html><html><head><title>Kyiv council approves budget | Site</title>"
                 "<meta property='og:title' content='Kyiv council approves budget'></head><body>"
                 "<header><nav>Home</nav></header><main><article><h1>Kyiv council approves budget</h1>\n")
    html_tail = "</article></main><footer>Copyright</footer></body></html>\n"
    for size in (mb / 4, mb):
        measure("markdown", "bench.md", build(MD_BLOCK, md_head, "", size))
        measure("html", "bench.html", build(HTML_BLOCK, html_head, html_tail, size))


if __name__ == "__main__":
    main()

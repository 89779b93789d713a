"""copylint's own finding ids, which no Rule defines: what a reader says about its input
and what the suppression check says. Each is named and described here once; the
emitters use these names and the reports that describe the rule behind a finding
(SARIF's rule descriptors) use these descriptions, so no id goes out undescribed."""

ENCODING = "copylint.encoding"
MARKDOWN = "copylint.markdown"
HTML = "copylint.html"
FRONT_MATTER = "copylint.front-matter"
UNKNOWN_SUPPRESSION = "copylint.unknown-suppression"
UNUSED_SUPPRESSION = "copylint.unused-suppression"

DESCRIPTIONS = {
    ENCODING: "The file is not valid UTF-8; the bad bytes were replaced",
    MARKDOWN: "Markdown nested 200 levels deep or more: the parser stops there, and the text "
              "from that point on was not checked",
    HTML: "Markup the HTML parser could not make sense of was read as plain text",
    FRONT_MATTER: "The front matter could not be read (not valid YAML or TOML, or not a set of "
                  "keys and values); it was ignored and the story checked without it",
    UNKNOWN_SUPPRESSION: "A suppression comment names a rule that does not exist",
    UNUSED_SUPPRESSION: "A suppression comment or front-matter entry that suppressed no finding in "
                        "this run (judged only where every rule it names was run)",
}

"""copylint's own finding ids, which no Rule defines: what a reader says about its input
and what the suppression check says. Each is named and described here once; the
emitters use these names and the reports that describe the rule behind a finding
(SARIF's rule descriptors) use these descriptions, so no id goes out undescribed.
``copylint explain`` prints a notice's description, severity and documentation.

A path that could not be checked is no finding but a problem with the run; the GitLab
and JUnit reports still need an id for it (``PROBLEMS``), and explain knows those too."""

from .model import Severity

ENCODING = "copylint.encoding"
MARKDOWN = "copylint.markdown"
HTML = "copylint.html"
FRONT_MATTER = "copylint.front-matter"
UNKNOWN_SUPPRESSION = "copylint.unknown-suppression"
UNUSED_SUPPRESSION = "copylint.unused-suppression"

DESCRIPTIONS = {
    ENCODING: "Bytes that are not valid in the file's encoding (UTF-8, or UTF-16 or UTF-32 after "
              "a byte-order mark); they were replaced",
    MARKDOWN: "Markdown nested 200 levels deep or more: the parser stops there, and the text "
              "from that point on was not checked",
    HTML: "Markup the HTML parser could not make sense of was read as plain text",
    FRONT_MATTER: "The front matter could not be read (not valid YAML or TOML, or not a set of "
                  "keys and values); it was ignored and the story checked without it",
    UNKNOWN_SUPPRESSION: "A suppression comment names a rule that does not exist",
    UNUSED_SUPPRESSION: "A suppression comment or front-matter entry that suppressed no finding in "
                        "this run (judged only where every rule it names was run)",
}

# the severity each notice is emitted with unless config's ``rules: {ID: SEVERITY}`` gives
# another
SEVERITIES = {ENCODING: Severity.WARNING, MARKDOWN: Severity.WARNING, HTML: Severity.WARNING,
              FRONT_MATTER: Severity.WARNING, UNKNOWN_SUPPRESSION: Severity.WARNING,
              UNUSED_SUPPRESSION: Severity.INFO}

# what ``copylint explain ID`` says beyond the description: when the notice is given and
# what to do about it
DOCS = {
    ENCODING: (
        "A file is read as UTF-8, or as UTF-16 or UTF-32 when it starts with a byte-order mark "
        "(an HTML page that is not UTF-8 in the charset its <meta charset> declares). Bytes that "
        "are not valid there, usually a story saved in an old encoding such as Windows-1252 or a "
        "file cut in the middle of a character, are replaced by U+FFFD and reported where they "
        "stand; the rest of the file is still checked. Save the file again as UTF-8."),
    MARKDOWN: (
        "Markdown nested 200 levels deep or more (quotes in quotes, lists in lists; a list "
        "counts two levels) is beyond what the parser reads. The notice stands where the unread "
        "text starts; nothing from there on was checked. It is mostly a paste accident: take "
        "the nesting out."),
    HTML: (
        "The HTML parser gives up on a few malformed declarations (\"<![foo[\", \"<!DOCTYPE x [\"). "
        "Their \"<\" is read as text and the page read again, so the rest of it is checked; the "
        "notice stands at that \"<\". Fix or remove the markup."),
    FRONT_MATTER: (
        "The YAML (between --- lines) or TOML (between +++ lines) at the top of a Markdown story "
        "could not be read, or is not a set of keys and values. It was ignored: its headline, "
        "date, byline and disable list were not used, and the story was checked without them. The "
        "notice stands where the parser stopped."),
    UNKNOWN_SUPPRESSION: (
        "A <!-- copylint: disable|enable|ignore ... --> comment, or the front matter's disable "
        "list, names something that is no rule id or prefix (`copylint rules` lists them). It "
        "suppresses nothing: most often the id is misspelt, and the message then names the "
        "nearest id. A name of one of copylint's own notices (copylint.encoding...) is reported "
        "too, as no comment suppresses them: leave them out with ignore: in the config or --ignore."),
    UNUSED_SUPPRESSION: (
        "A disable or ignore comment, or a name in the front matter's disable list, that "
        "suppressed no finding in this run; the notice names the ids that suppressed nothing. A "
        "name is judged only by a run that ran everything it covers: the rules it names were "
        "selected, nothing inside it was ignored, and LanguageTool ran for grammar, typo.spelling "
        "and all rules. Delete the comment, or the names, once the text no longer needs them; "
        "--ignore copylint.unused-suppression turns the check off."),
}

# ids the reports give a path that could not be checked (missing, unreadable, binary):
# problems with the run, not findings, so no --select or --ignore reaches them
UNREADABLE = "copylint.unreadable"  # GitLab's check_name
INPUT = "copylint.input"  # JUnit's error type
TOOL = "copylint"  # GitHub's title and Azure's code for such a path; the prefix of every id above

_PROBLEM_DOC = (
    "A path named on the command line or found in a folder could not be checked: it does not "
    "exist, cannot be read (permissions, a folder where a file was expected), or is a binary "
    "file, which is skipped with a warning. It is a problem with the run, not a finding in the "
    "copy, so it cannot be selected, ignored or given a severity; a path that could not be "
    "read makes the run exit 2, a skipped binary file does not.")
PROBLEMS = {
    UNREADABLE: ("A file that could not be checked (the GitLab report's issue for it)", _PROBLEM_DOC),
    INPUT: ("A path that could not be read (the JUnit report's error case for it)", _PROBLEM_DOC),
    TOOL: ("copylint's own ids: the readers' and the suppression check's notices, and the "
           "paths a run could not check",
           "In --select, --ignore and rules:, 'copylint' stands for every notice: "
           + ", ".join(sorted(DESCRIPTIONS)) + ". The GitHub and Azure reports name a path "
           "that could not be checked 'copylint' too. `copylint explain ID` describes each."),
}

"""LanguageTool behind `copylint lsp`: one real server for the editor's whole session."""

from __future__ import annotations

from lsp_client import Editor, range_of as _range_of

STORY = """Talks resume

Fans 😀 said he go to the talks yesterday, and one more time today.

He go there again, officials said.
"""


def test_grammar_diagnostics_from_languagetool_while_editing(tmp_path, lt_server, lt_env):
    with Editor(tmp_path, env=lt_env, init_options={"languagetoolUrl": lt_server.url}) as ed:
        uri = ed.open(tmp_path / "talks.txt", STORY, language_id="plaintext")
        diagnostics = ed.diagnostics(uri)
        grammar = [d for d in diagnostics if d["code"] == "grammar.HE_VERB_AGR"]
        # after the emoji (two UTF-16 units) and on the later line
        assert [d["range"] for d in grammar] == [_range_of(STORY, "go"), _range_of(STORY, "go", 1)]
        fix = next(a for a in ed.code_actions(uri, grammar[0]) if a["title"] == "Replace with 'goes'")
        assert fix["edit"]["changes"][uri][0]["range"] == _range_of(STORY, "go")

        ed.change(uri, STORY.replace("he go to", "he went to"))
        after = [d for d in ed.diagnostics(uri) if d["code"] == "grammar.HE_VERB_AGR"]
        assert [d["range"] for d in after] == [_range_of(STORY, "go", 1)]
        assert ed.close() == 0

"""LanguageTool for copylint: provisioning (``install``), one server per run
(``server``, ``session``), paragraph checks through language-tool-python with an on-disk
cache (``client``, ``cache``). The rule that reports its matches is ``rules/grammar.py``."""

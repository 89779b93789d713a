import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Tests run the built-in checks unless they ask for LanguageTool (a URL or
# --require-languagetool, as tests/languagetool does): one JVM per `copylint check` would
# make the suite slow and every other test's expected output depend on this machine.
import os  # noqa: E402

os.environ.setdefault("COPYLINT_LANGUAGETOOL", "off")

"""Collects every fenced code block of the Markdown files under a folder with Sybil, the reference
for `docverify list` speed in bench.sh. Prints the number of blocks collected."""
import sys
from pathlib import Path

from sybil import Sybil
from sybil.parsers.markdown import CodeBlockParser

LANGUAGES = ["python", "javascript", "typescript", "bash", "console", "shell", "json", "http", "azurecli", "powershell", "text", "csharp", "java", "go", "cmd"]
sybil = Sybil(parsers=[CodeBlockParser(language=language) for language in LANGUAGES])
count = 0
for path in sorted(Path(sys.argv[1]).rglob("*.md")):
    count += len(list(sybil.parse(path)))
print(count)

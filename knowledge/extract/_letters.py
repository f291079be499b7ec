"""Upper- and lower-case letters of every script, as regex class contents (Python's re has no \\p{Lu})."""

from __future__ import annotations

import re

__all__ = ["LOWER", "UPPER"]

# Names like Petrović, Żaneta, Øyvind, Ólafur must read as names: [A-Z] and [a-z] would split them.
UPPER = re.escape("".join(c for c in map(chr, range(0x530)) if c.isupper()))
LOWER = re.escape("".join(c for c in map(chr, range(0x530)) if c.islower()))

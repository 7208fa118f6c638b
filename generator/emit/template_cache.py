"""Compiled templates kept between runs: Jinja's bytecode cache in the toolkit's cache folder.

Compiling the package templates takes most of the rendering of a small package (0.3 s of a
0.7 s run); a run that finds them compiled before only loads them. Jinja keys an entry by the
template's name and checks its source's hash and Jinja's and Python's versions; the way this
toolkit compiles them (``render``'s code generator and options) is not in that check, so the
text of ``render.py`` is in each entry's file name. An entry that cannot be read is compiled
again, and a folder that cannot be written is no cache.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

import jinja2

from generator.build_cache import cache_folder, reading_caches

_COMPILER = Path(__file__).with_name("render.py")


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    def __init__(self) -> None:
        folder = cache_folder("templates")
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
        compiler = hashlib.sha256(_COMPILER.read_bytes()).hexdigest()[:16]
        super().__init__(str(folder), f"{compiler}-%s.cache")

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if not reading_caches():
            return
        try:
            super().load_bytecode(bucket)
        except Exception:  # a truncated or foreign file: compile the template again
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)

"""``python -m kinerja_target``: the ``kinerja-target`` command line, for environments
where the script is not on ``PATH`` (a virtualenv not activated, Windows)."""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())

"""One build at a time per database: a lock file beside it, held for the whole build.

`make run` starts a build in the background while the server starts; the app, finding no database, waits for
that build instead of starting a second one. Two builds at once would both parse the same new articles and
race on the cache folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; builds there are not serialised
    fcntl = None  # type: ignore[assignment]


def lock_path(db_path: Path) -> Path:
    """The lock file that belongs to a database: `.<name>.lock` beside it."""
    return db_path.parent / f".{db_path.name}.lock"


@contextmanager
def build_lock(db_path: Path) -> Iterator[None]:
    """Hold the database's build lock; wait while another process holds it."""
    path = lock_path(db_path)
    try:
        handle = open(path, "a+b")  # noqa: SIM115 (closed below; a place we cannot write gets no lock)
    except OSError:  # a missing or read-only folder: the build's own checks say what is wrong with it
        yield
        return
    with handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_UN)


def wait_for_build(db_path: Path) -> None:
    """Return once no other process is building this database."""
    with build_lock(db_path):
        pass

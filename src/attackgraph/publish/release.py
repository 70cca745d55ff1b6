"""The release folder is replaced as a whole, atomically, or not at all.

A build writes into a staging folder beside the release (same parent, so the same
filesystem) and swaps it in only when everything is written and synced:

- ``.{name}.staging``  the release being built;
- ``.{name}.previous`` the release being replaced (only while the swap runs);
- ``.{name}.lock``     an ``flock`` held by the running build (freed by the kernel when
  the process dies, even by SIGKILL).

On Linux the swap is one ``renameat2(RENAME_EXCHANGE)``: the release path always names a
complete release, old or new. Elsewhere (or on a filesystem without it) it is two
renames, release -> previous and staging -> release; a build killed between them leaves
no release at the path, but the previous one complete at ``.{name}.previous``, and the
next build puts it back before doing anything else. In both cases the next build also
removes a leftover staging folder (a build that died half way) or previous folder (one
that died while deleting the replaced release).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final

from attackgraph.model import AttackgraphError

Progress = Callable[[str], None]
"""Told the name of each step as it starts (progress display; tests pause on a step)."""

RELEASE_MARKERS: Final = ("SHA256SUMS", "attackgraph.nq", "build-report.json")
"""A folder holding one of these is a release that a build may replace."""

_AT_FDCWD: Final = -100
_RENAME_EXCHANGE: Final = 2


class PublishError(AttackgraphError):
    """The release cannot be published; names the folder or file and why."""


def staging_path(out_dir: Path) -> Path:
    """Where the release at ``out_dir`` is built.

    >>> staging_path(Path("/data/release"))
    PosixPath('/data/.release.staging')
    """
    return out_dir.parent / f".{out_dir.name}.staging"


def previous_path(out_dir: Path) -> Path:
    """Where the replaced release waits while the swap runs.

    >>> previous_path(Path("/data/release"))
    PosixPath('/data/.release.previous')
    """
    return out_dir.parent / f".{out_dir.name}.previous"


@contextlib.contextmanager
def staged_release(
    out_dir: Path, *, exchange: bool = True, progress: Progress | None = None
) -> Iterator[Path]:
    """Yield an empty staging folder next to ``out_dir``; swap it in when the block ends.

    On success the staging folder is synced to disk and atomically becomes ``out_dir``;
    the replaced release is then deleted. On an exception the staging folder is removed
    and the previous release is left as it was. Leftovers of a killed build are
    recovered first (see the module docstring). ``exchange=False`` forces the portable
    two-rename swap. ``progress`` is told each step (``staged``, ``swap``,
    ``swap-moved-old`` (two-rename swap only), ``swapped``).

    Raises :class:`PublishError` when another build holds the lock, when ``out_dir``
    exists but is not a release (a non-empty folder without any of
    :data:`RELEASE_MARKERS`: it is never replaced), or when a rename fails; ``OSError``
    when the parent folder cannot be created or written.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = Path(tmp) / "release"
    ...     with staged_release(out) as staging:
    ...         _ = (staging / "SHA256SUMS").write_text("")
    ...     sorted(p.name for p in Path(tmp).iterdir())
    ['.release.lock', 'release']
    """
    out_dir = Path(os.path.abspath(out_dir))
    if out_dir.is_symlink():
        out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    step = progress or (lambda _: None)
    with _lock(out_dir):
        recover(out_dir)
        _check_replaceable(out_dir)
        staging = staging_path(out_dir)
        staging.mkdir()
        try:
            step("staged")
            yield staging
            step("swap")
            _sync_tree(staging)
            _swap(staging, out_dir, exchange=exchange, step=step)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        step("swapped")
        shutil.rmtree(previous_path(out_dir), ignore_errors=True)
        shutil.rmtree(staging, ignore_errors=True)  # the old release, after an exchange
        _fsync_dir(out_dir.parent)


def recover(out_dir: Path) -> list[str]:
    """Undo what a killed build left beside ``out_dir``; say what was done.

    Call it only while holding the lock (:func:`staged_release` does).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = Path(tmp) / "release"
    ...     previous_path(out).mkdir()
    ...     staging_path(out).mkdir()
    ...     recover(out), out.is_dir()
    (['restored the previous release', 'removed a leftover staging folder'], True)
    """
    done = []
    previous, staging = previous_path(out_dir), staging_path(out_dir)
    if previous.exists():
        if out_dir.exists():
            shutil.rmtree(previous)
            done.append("removed the replaced release")
        else:
            os.rename(previous, out_dir)
            done.append("restored the previous release")
    if staging.exists():
        shutil.rmtree(staging)
        done.append("removed a leftover staging folder")
    if done:
        _fsync_dir(out_dir.parent)
    return done


@contextlib.contextmanager
def _lock(out_dir: Path) -> Iterator[None]:
    path = out_dir.parent / f".{out_dir.name}.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise PublishError(f"{out_dir}: another build is publishing it ({path})") from error
        yield
    finally:
        os.close(fd)  # closing frees the lock


def _check_replaceable(out_dir: Path) -> None:
    if not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise PublishError(f"{out_dir}: exists and is not a folder")
    names = {p.name for p in out_dir.iterdir()}
    if names and not names & set(RELEASE_MARKERS):
        raise PublishError(
            f"{out_dir}: not empty and not an attackgraph release (none of "
            f"{', '.join(RELEASE_MARKERS)}); refusing to replace it"
        )


def _swap(staging: Path, out_dir: Path, *, exchange: bool, step: Progress) -> None:
    try:
        if not out_dir.exists():
            os.rename(staging, out_dir)
        elif not (exchange and _exchange(staging, out_dir)):
            os.rename(out_dir, previous_path(out_dir))
            step("swap-moved-old")
            os.rename(staging, out_dir)
    except OSError as error:
        raise PublishError(f"{out_dir}: cannot swap the new release in: {error}") from error
    _fsync_dir(out_dir.parent)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux ``renameat2``); False where unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    renameat2.argtypes += [ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _sync_tree(folder: Path) -> None:
    """Flush the staging folder's files to disk before the swap makes them the release.

    One ``syncfs`` of the filesystem where available (the files were written without a
    per-file fsync: the staging folder is all or nothing anyway), else ``os.sync``.
    """
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            syncfs = ctypes.CDLL(None, use_errno=True).syncfs
        except (AttributeError, OSError):
            os.sync()
        else:
            syncfs.argtypes = [ctypes.c_int]
            if syncfs(fd) != 0:
                os.sync()
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

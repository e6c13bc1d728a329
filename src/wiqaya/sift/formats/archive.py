"""Zip archives: each member is read as if it were a file, inside strict limits.

Nothing is extracted to disk. Before any member is read the archive is checked:
member count, total declared size, per-member compression ratio and nesting depth
(``zip-bomb``); names that are absolute or climb with ``..`` are refused
(``path-traversal``). Reads are bounded too, so a lying header cannot expand
past the limit.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import PurePosixPath

from wiqaya.sift.formats import InputFile, Limits, read_input
from wiqaya.sift.items import Item, Problem, Reason, sample_of

# Small members compress well legitimately (a page of spaces); judge the ratio
# only where expansion could matter.
RATIO_FLOOR_BYTES = 1 << 20


def _traverses(name: str) -> bool:
    normalised = name.replace("\\", "/")
    if normalised.startswith("/") or (len(normalised) > 1 and normalised[1] == ":"):
        return True
    return ".." in PurePosixPath(normalised).parts


def read_zip(item: InputFile, limits: Limits, depth: int) -> Iterator[Item]:
    if depth >= limits.max_archive_depth:
        yield Problem(
            Reason.ZIP_BOMB,
            item.origin,
            f"archives nested deeper than {limits.max_archive_depth} levels",
        )
        return
    try:
        archive = zipfile.ZipFile(io.BytesIO(item.data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        yield Problem(
            Reason.BROKEN_ARCHIVE,
            item.origin,
            f"not a readable zip: {exc}",
            sample=sample_of(item.data),
        )
        return
    files = [m for m in members if not m.is_dir()]
    if len(files) > limits.max_archive_members:
        yield Problem(
            Reason.ZIP_BOMB,
            item.origin,
            f"{len(files)} members, over the limit of {limits.max_archive_members}",
        )
        return
    declared = sum(m.file_size for m in files)
    if declared > limits.max_archive_bytes:
        yield Problem(
            Reason.ZIP_BOMB,
            item.origin,
            f"expands to {declared} bytes, over the limit of {limits.max_archive_bytes}",
        )
        return
    budget = limits.max_archive_bytes
    for member in files:
        origin = f"{item.origin}!/{member.filename}"
        if _traverses(member.filename):
            yield Problem(
                Reason.PATH_TRAVERSAL,
                origin,
                f"member name {member.filename!r} escapes the archive",
            )
            continue
        if member.file_size > RATIO_FLOOR_BYTES and (
            member.file_size > limits.max_compression_ratio * max(1, member.compress_size)
        ):
            yield Problem(
                Reason.ZIP_BOMB, origin, f"compression ratio over {limits.max_compression_ratio}:1"
            )
            continue
        if member.file_size > limits.max_file_bytes:
            yield Problem(
                Reason.TOO_LARGE,
                origin,
                f"{member.file_size} bytes, over the limit of {limits.max_file_bytes}",
                size_bytes=member.file_size,
            )
            continue
        if member.flag_bits & 0x1:
            yield Problem(Reason.BROKEN_ARCHIVE, origin, "member is encrypted")
            continue
        cap = min(limits.max_file_bytes, budget)
        try:
            with archive.open(member) as handle:
                data = handle.read(cap + 1)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
            yield Problem(Reason.BROKEN_ARCHIVE, origin, f"member cannot be read: {exc}")
            continue
        if len(data) > cap:
            # The header understated the size: a bomb, however it is dressed.
            yield Problem(Reason.ZIP_BOMB, origin, "member expands past its declared size limit")
            continue
        budget -= len(data)
        yield from read_input(InputFile(origin, member.filename, data), limits, depth + 1)

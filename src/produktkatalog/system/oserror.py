"""Why a file could not be read or written, in German rather than in the system's English."""

from __future__ import annotations

import errno

_REASONS = {
    errno.ENOENT: "die Datei oder der Ordner fehlt",
    errno.EACCES: "keine Berechtigung",
    errno.EPERM: "nicht erlaubt",
    errno.ENOSPC: "kein Speicherplatz mehr frei",
    errno.EDQUOT: "das Speicherkontingent ist erschöpft",
    errno.EROFS: "das Dateisystem ist schreibgeschützt",
    errno.EISDIR: "das ist ein Ordner",
    errno.ENOTDIR: "ein Teil des Pfads ist kein Ordner",
    errno.EEXIST: "die Datei gibt es schon",
    errno.ELOOP: "zu viele Verknüpfungen hintereinander",
    errno.ENAMETOOLONG: "der Name ist zu lang",
    errno.EBUSY: "die Datei ist in Benutzung",
    errno.EIO: "Ein-/Ausgabefehler des Datenträgers",
}


def reason(error: OSError) -> str:
    """The German reason for ``error``; the system's wording only for rare errors."""
    return _REASONS.get(error.errno or 0) or error.strerror or str(error)

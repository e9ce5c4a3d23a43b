"""Bounds that keep a hostile file from exhausting time or memory."""

MAX_FILE_BYTES = 2 * 1024 * 1024
# A git revision read for diff or --changed-since: entries listed, and bytes of YAML read in all.
MAX_REVISION_ENTRIES = 500_000
MAX_REVISION_BYTES = 512 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 200_000
MAX_NUMBER_DIGITS = 40
MAX_EXPONENT = 15
# Text above these needs the precise path: libyaml composes recursively in C.
FAST_MAX_FLOW_OPENERS = 512
FAST_MAX_INDENT = 200

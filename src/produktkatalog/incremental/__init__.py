"""Doing only what changed: file stamps, the content-keyed cache, unit keys, stored values, page keys and the
page record of an output folder. Everything read back is verified or ignored."""

"""A catalogue in git: revisions read through git itself, and the files changed since a revision."""

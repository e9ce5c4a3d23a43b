"""The ground floor every stage stands on: atomic writes, German reasons for file errors, digests, worker
processes, and where the shipped data lives."""

"""Example app: a support bot (scanned, not run)."""

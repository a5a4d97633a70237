"""``wirecoder eval``: metrics of ../shared/eval/README.md on the dev sets (and the seed check)."""

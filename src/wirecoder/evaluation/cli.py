"""``wirecoder eval geo|events|seed|gate``; each subcommand lives with its metric module."""
from __future__ import annotations

import importlib

import click

SUBCOMMANDS = {
    "geo": "wirecoder.evaluation.geo:geo_command",
    "events": "wirecoder.evaluation.events:events_command",
    "seed": "wirecoder.evaluation.seed:seed_command",
    "gate": "wirecoder.evaluation.gate:gate_command",
}


class _Lazy(click.Group):
    def list_commands(self, ctx):
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx, name):
        if name not in SUBCOMMANDS:
            return None
        mod, attr = SUBCOMMANDS[name].split(":")
        return getattr(importlib.import_module(mod), attr)


@click.group(cls=_Lazy)
def eval_group() -> None:
    """Measure quality on the dev sets (see ../shared/eval/README.md)."""

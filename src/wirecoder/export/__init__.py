"""Export stage: the extract JSON contract, ACLED-style CSV, GeoJSON, GeoParquet, PLOVER JSON.

``export_csv(con, fileobj, filters)`` and friends are what the CLI, the Python API and the
web app call; ``filters`` is an ``ExportFilters`` (or anything with the same attributes).
"""
from .filters import ExportFilters, FilterError


def __getattr__(name):  # writers pull in pyarrow lazily: keep `import wirecoder.export` cheap
    if name in ("export_csv", "export_geojson", "export_parquet", "export_plover", "export_to"):
        from . import writers

        return getattr(writers, name)
    raise AttributeError(name)


__all__ = ["ExportFilters", "FilterError", "export_csv", "export_geojson", "export_parquet",
           "export_plover", "export_to"]

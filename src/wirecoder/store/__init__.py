"""Store: the SQLite file users open with any SQLite tool."""
from .db import connect, iter_event_records, write_batch, write_result

__all__ = ["connect", "iter_event_records", "write_batch", "write_result"]

"""Scale: the per-article work run as a pure function over batches, in this process, a
process pool or a Dask cluster, with one writer (the parent) for the database or shards.

- ``analyser``: which analyser runs (the real ``Pipeline`` or a cheap stand-in), loaded once
  per process.
- ``deadline`` / ``worker``: the per-article time limit and the batch function run remotely.
- ``runners``: serial, process pool and Dask runners; results come back in input order.
- ``codec`` / ``shards``: ``ArticleResult`` <-> JSON, sharded JSONL/Parquet output.
- ``lock``: one writer per database (a second ingest refuses clearly, or waits).
- ``load`` / ``cli``: ``wirecoder load`` brings shards into SQLite or PostgreSQL.
"""

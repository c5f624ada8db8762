"""matn over WARC files in Spark: one task per WARC file (mapPartitions), rows to Parquet.

    spark-submit examples/spark/warc_to_parquet.py 'crawl/*.warc.gz' out/articles.parquet

Needs the `matn` Python package on the workers (pip install ./bindings/python) and warcio.
"""

from __future__ import annotations

import glob
import sys

from pyspark.sql import SparkSession

import matn.spark


def run(spark: SparkSession, pattern: str, out: str) -> int:
    """Writes the articles of every WARC file matching `pattern` to `out`; returns the rows."""
    paths = sorted(glob.glob(pattern))
    if not paths:
        raise SystemExit(f"no WARC file matches {pattern!r}")
    rows = spark.sparkContext.parallelize(paths, len(paths)).mapPartitions(matn.spark.warc_partition)
    df = spark.createDataFrame(rows, matn.spark.SCHEMA)
    df.write.mode("overwrite").parquet(out)
    return spark.read.parquet(out).count()


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    spark = SparkSession.builder.appName("matn-warc-to-parquet").getOrCreate()
    try:
        print(f"{run(spark, argv[0], argv[1])} rows written to {argv[1]}")
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""matn over a DataFrame of HTML in Spark, with an Arrow UDF (mapInArrow): no row-by-row
pickling, one matn.Cleaner per batch stream.

    spark-submit examples/spark/html_dataframe.py pages.parquet out/articles.parquet

The input has a `url` string column and an `html` column (binary: raw bytes, decoded by matn;
or string). Needs the `matn` Python package and pyarrow on the workers.
"""

from __future__ import annotations

import sys

from pyspark.sql import DataFrame, SparkSession

import matn.spark


def articles(df: DataFrame) -> DataFrame:
    """The article of every row of `df` (columns `url`, `html`), schema `matn.spark.SCHEMA`."""
    return df.select("url", "html").mapInArrow(matn.spark.arrow_batches, matn.spark.SCHEMA)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    spark = SparkSession.builder.appName("matn-html-dataframe").getOrCreate()
    try:
        out = articles(spark.read.parquet(argv[0]))
        out.write.mode("overwrite").parquet(argv[1])
        out.groupBy("status").count().show()
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

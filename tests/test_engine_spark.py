"""The Spark engine on ``local[2]`` gives a local run's report, item for item (one session for the
module: Spark takes seconds to start). Skipped where pyspark or Java is missing."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from wipo_bc_standard.locations import Locator
from wipo_bc_standard.report import Report
from wipo_bc_standard.runner import RunOptions

from .conftest import EXAMPLES
from .test_engines import _no_network, assert_same, ledger_file, local_report  # noqa: F401  (the loopback guard)


@pytest.fixture(scope="module")
def spark() -> Any:
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install '.[spark]')")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Java is not installed (Spark needs Java 17)")
    from pyspark.sql import SparkSession
    os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers run this interpreter, with this package
    session = (SparkSession.builder.master("local[2]").appName("wipo-bc tests")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def spark_run(spark: Any, paths: list[Path], block_bytes: int, **options: Any) -> Any:
    from wipo_bc_standard.engines.spark_engine import SparkRun
    return SparkRun([str(p) for p in paths], RunOptions(**options).checker_options(), spark, block_bytes=block_bytes)


def test_spark_ledger_equals_local_with_findings_dataframe(spark: Any, tmp_path: Path) -> None:
    path = ledger_file(tmp_path, records=300)
    run = spark_run(spark, [path], 40_000, target="ledger")
    expected = local_report([path], target="ledger")
    assert_same(Report.of(map(Locator(), run.results())).to_dict(), expected)
    findings = run.findings()
    assert findings.count() == sum(expected["summary"]["findings"].values())
    by_rule = {row["rule"]: row["count"] for row in findings.groupBy("rule").count().collect()}
    for rule in ("CH-01", "CH-02", "ID-04", "DT-05"):
        assert by_rule[rule] == sum(1 for i in expected["items"] for f in i["findings"] if f["rule"] == rule)
    assert run.items().filter("conformant").count() == expected["summary"]["conformant"]


def test_spark_examples_equal_local(spark: Any) -> None:
    paths = [EXAMPLES / "valid", EXAMPLES / "invalid", EXAMPLES / "ledger"]
    assert_same(Report.of(map(Locator(), spark_run(spark, paths, 2_000).results())).to_dict(), local_report(paths))


def test_cli_engine_spark_gives_the_local_report(spark: Any, tmp_path: Path) -> None:
    """The CLI's session is the module's (getOrCreate); the run leaves it to its owner here."""
    from click.testing import CliRunner

    from wipo_bc_standard.cli import main
    path = ledger_file(tmp_path, records=100)
    args = ["validate", "--target", "ledger", "--format", "json", str(path)]
    local = CliRunner().invoke(main, args)
    remote = CliRunner().invoke(main, [*args, "--engine", "spark", "--master", "local[2]"])
    assert remote.exit_code == local.exit_code == 1, remote.output
    assert json.loads(remote.output) == json.loads(local.output)

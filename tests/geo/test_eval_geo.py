import json
import math

from click.testing import CliRunner

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
from wirecoder.evaluation.geo import MAX_KM, error_metrics, geo_command, haversine, prf


def test_haversine_known_distance():
    # Tripoli to Benghazi is about 645 km
    assert 630 < haversine(32.887, 13.187, 32.115, 20.069) < 660
    assert haversine(10, 10, 10, 10) == 0


def test_error_metrics():
    m = error_metrics([0.0, 100.0, 200.0, MAX_KM])
    assert m["acc161"] == 0.5
    assert m["median_km"] == 150.0
    assert 0 < m["auc"] < 1
    perfect = error_metrics([0.0, 0.0])
    assert perfect["auc"] == 0.0 and perfect["acc161"] == 1.0
    worst = error_metrics([MAX_KM, MAX_KM])
    assert math.isclose(worst["auc"], 1.0)


def test_prf():
    d = prf(8, 2, 2)
    assert math.isclose(d["precision"], 0.8) and math.isclose(d["f1"], 0.8)
    assert prf(0, 0, 0)["f1"] == 0.0


def test_cli_resolution_json():
    r = CliRunner().invoke(geo_command, [str(FIXTURES / "geo" / "mini_eval.jsonl"), "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["docs"] == 2 and out["resolution"]["n"] == 5
    assert out["resolution"]["acc161"] >= 0.8


def test_cli_end_to_end_table():
    r = CliRunner().invoke(geo_command, [str(FIXTURES / "geo" / "mini_eval.jsonl"),
                                         "--mode", "end-to-end"])
    assert r.exit_code == 0, r.output
    assert "detection exact" in r.output and "acc@161km" in r.output


def test_cli_missing_file(tmp_path):
    r = CliRunner().invoke(geo_command, [str(tmp_path / "nope.jsonl")])
    assert r.exit_code == 2

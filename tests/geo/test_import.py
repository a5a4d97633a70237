import shutil

from click.testing import CliRunner

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
from wirecoder.resolve.gazetteer import Gazetteer, get_gazetteer, import_geonames, reset
from wirecoder.resolve.gazetteer_cli import gazetteer as gazetteer_cli


def _copy(gaz, tmp_path):
    dst = tmp_path / "gaz.sqlite"
    shutil.copy(gaz.path, dst)
    return dst


def test_import_country_file_and_alternate_names(gaz, tmp_path):
    path = _copy(gaz, tmp_path)
    summ = import_geonames(FIXTURES / "geo" / "LY_sample.txt", path)
    assert summ.places == 2 and summ.skipped == 1 and "line 3" in summ.first_error
    g = Gazetteer(path)
    hit = g.lookup("Qasr Wirecoderiya")
    assert hit and hit[0].entry.id == 990000001 and hit[0].entry.cc == "LY"
    assert hit[0].entry.precision == "town"
    assert g.lookup("Kasr Wirecoderia")[0].entry.id == 990000001  # its alternate name
    assert g.lookup("Wadi Testam")[0].entry.precision == "point"
    summ = import_geonames(FIXTURES / "geo" / "alternateNames_sample.txt", path)
    assert summ.names == 1  # the link row is not a name
    assert Gazetteer(path).lookup("Wirecoder Castle")[0].entry.id == 990000001
    # the user's own gazetteer is untouched
    assert not get_gazetteer().lookup("Qasr Wirecoderiya")
    reset()


def test_import_cli(gaz, tmp_path):
    path = _copy(gaz, tmp_path)
    r = CliRunner().invoke(gazetteer_cli, ["import", str(FIXTURES / "geo" / "LY_sample.txt"),
                                           "--path", str(path)])
    assert r.exit_code == 0, r.output
    assert "2 places" in r.output and "1 lines skipped" in r.output
    r = CliRunner().invoke(gazetteer_cli, ["import", str(tmp_path / "missing.txt")])
    assert r.exit_code == 2 and "no such file" in r.output
    reset()


def test_lookup_cli(gaz):
    r = CliRunner().invoke(gazetteer_cli, ["lookup", "Misurata", "--country", "LY"])
    assert r.exit_code == 0 and "Misratah" in r.output and "chosen" in r.output
    r = CliRunner().invoke(gazetteer_cli, ["lookup", "Qqxzvbwrt"])
    assert r.exit_code == 1

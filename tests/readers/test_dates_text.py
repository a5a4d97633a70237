import pytest

from wirecoder.readers.dates import parse_date, parse_time
from wirecoder.readers.factiva_codes import country_for, parse_code_list
from wirecoder.readers.text import decode, join_wrapped, reflow


@pytest.mark.parametrize("s,iso", [
    ("19 September 2017", "2017-09-19"), ("29 décembre 2011", "2011-12-29"), ("9 Mai 1998", "1998-05-09"),
    ("July 1, 2019 Monday 9:20 AM GMT", "2019-07-01"), ("Friday, 5. July 2019 09:31", "2019-07-05"),
    ("15 agosto 2015", "2015-08-15"), ("2012-01-09T01:35:58Z", "2012-01-09"),
    ("31 February 2019", None), ("Tuesday", None), ("", None)])
def test_parse_date(s, iso):
    assert parse_date(s) == iso


@pytest.mark.parametrize("s,t", [("9:20 AM GMT", "09:20"), ("12:05 PM", "12:05"), ("12:05 am", "00:05"),
                                 ("06:04 GMT", "06:04"), ("15:32", "15:32"), ("25:99", None), ("no", None)])
def test_parse_time(s, t):
    assert parse_time(s) == t


def test_region_codes():
    assert parse_code_list("braz : Brazil | lam :  | eurz : Europe") == [("braz", "Brazil"), ("lam", ""), ("eurz", "Europe")]
    assert country_for("libya") == "LY" and country_for("eurz", "Europe") is None
    assert country_for("xyz", "Democratic Republic of the Congo") == "CD"


def test_reflow_and_decode():
    lines = ["a" * 80 + " end", "b" * 50 + ".", "short heading", "c" * 84]
    assert reflow(lines) == ["a" * 80 + " end " + "b" * 50 + ".", "short heading", "c" * 84]
    assert join_wrapped(["forward-", "looking statements"]) == "forward-looking statements"
    assert decode(b"caf\xe9 \xc3\xa9t\xc3\xa9") == "café été"

"""The seed article's places (../shared, local only): skipped where it is absent."""
import json
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed"


@pytest.mark.skipif(not (SEED / "gold.json").exists(), reason="../shared/seed not present")
def test_seed_places_resolve_to_the_right_country(nlp):
    from wirecoder.readers import ReadError, read_paths
    from wirecoder.resolve.places import geoparse

    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))
    arts = [a for a in read_paths([str(SEED / gold["document"])]) if not isinstance(a, ReadError)]
    assert arts
    art = arts[0]
    ms = geoparse(nlp(art.text), art)
    for want in gold["places_must_resolve"]:
        hits = [m for m in ms if m.text == want["mention"]]
        assert hits, want["mention"]
        assert all(m.data["country_code"] == want["country"] for m in hits), want
    roles = {m.text: m.role for m in ms if m.role == "byline"}
    assert set(roles) == {"Tunis", "London"}

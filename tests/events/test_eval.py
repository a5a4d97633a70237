"""The event metrics and the seed/gate commands, on the project's own invented fixtures."""
import json
from pathlib import Path

from click.testing import CliRunner

from wirecoder.evaluation.events import actor_match, events_command, macro_f1, norm_actor, states_date
from wirecoder.evaluation.seed import check_event
from wirecoder.models import Actor, Attribution, Event, Evidence, Place
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_actor_normalisation():
    assert norm_actor("Police Forces of Kenya (2013-)") == {"police forces of kenya"}
    assert "jnim" in norm_actor("JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)")
    assert actor_match(Actor("police", canonical="Police Forces of Kenya"), "Police Forces of Kenya (2013-)")
    assert not actor_match(Actor("army", canonical="Military Forces of Kenya"), "Police Forces of Kenya (2013-)")


def test_states_date_and_macro_f1():
    assert states_date("On 14 September 2020, militants ...", "2020-09-14")
    assert not states_date("Militants attacked a village.", "2020-09-14")
    assert macro_f1([("Battles", "Battles"), ("Riots", "Battles")]) < 1.0
    assert macro_f1([("Battles", "Battles"), ("Riots", "Riots")]) == 1.0


def test_events_command_on_fixture():
    res = CliRunner().invoke(events_command, [str(FIXTURES / "events" / "reports.jsonl"), "--json"])
    assert res.exit_code == 0, res.output
    fig = json.loads(res.output.strip().splitlines()[-1])
    assert fig["rows"] == 4  # the malformed line is skipped, not fatal
    assert fig["detection"] >= 0.75
    assert fig["event_type_acc"] >= 0.5


def test_seed_event_check():
    gold = {"event_type": "Explosions/Remote violence", "sub_event_type": "Suicide bomb", "date": "2017-05",
            "fatalities": 22, "location": {"name": "Manchester", "lat": 53.48, "lon": -2.24},
            "attribution": {"kind": "media"}}
    ev = Event("Explosions/Remote violence", "Suicide bomb", [Evidence("a", 0, 1, "x")], date="2017-05",
               fatalities=22, location=Place("Manchester", lat=53.47, lon=-2.23), attribution=[Attribution("WSJ")])
    assert check_event(ev, gold) == []
    ev.fatalities = 2
    ev.location = Place("London", lat=51.5, lon=-0.12)
    assert len(check_event(ev, gold)) == 2


def test_gate_skips_without_shared(monkeypatch, tmp_path):
    import wirecoder.evaluation.gate as gate

    monkeypatch.setattr(gate, "SHARED", tmp_path / "nothing")
    res = CliRunner().invoke(gate.gate_command, [])
    assert res.exit_code == 0 and "skipped" in res.output

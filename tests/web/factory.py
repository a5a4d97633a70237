"""Invented articles and events for the web tests (no third-party text)."""
from __future__ import annotations

from pathlib import Path

from wirecoder.models import (Actor, Article, ArticleResult, Attribution, Event, Evidence,
                              Mention, Place)
from wirecoder.store import db as store

XSS_HEADLINE = 'Clashes reported <script>window.__xss=1</script> <img src=x onerror="window.__xss=2">'

# (headline, paragraphs, date, source, events: (type, sub, date, actor1, actor2, place, lat, lon,
#  cc, admin1, fatalities, trigger word))
ARTICLES = [
    ("Militia fighters seize fuel trucks near Jufra",
     ["Fighters loyal to the Islamic State seized three fuel trucks near Jufra on May 3, a "
      "United Nations panel said in a report.",
      "Two drivers were killed in the attack, according to a local official."],
     "2017-05-10", "Sahel Herald",
     [("Strategic developments", "Looting/property destruction", "2017-05-03",
       "Islamic State", "Civilians (Libya)", "Jufra", 29.0, 16.0, "LY", "Al Jufrah", 2, "seized")]),
    ("Shelling hits Misrata outskirts",
     ["Artillery shells struck the outskirts of Misrata on Sunday, killing four people, "
      "witnesses said.",
      "Government forces blamed the Islamic State for the shelling."],
     "2017-06-12", "Coastal Daily",
     [("Explosions/Remote violence", "Shelling/artillery/missile attack", "2017-06-11",
       "Islamic State", "Civilians (Libya)", "Misrata", 32.3754, 15.0925, "LY", "Misratah", 4,
       "struck")]),
    ("Protesters rally in Tripoli over fuel shortages",
     ["Hundreds of protesters gathered in Tripoli on Friday to demand fuel deliveries, "
      "organisers said. No one was hurt."],
     "2017-07-08", "Coastal Daily",
     [("Protests", "Peaceful protest", "2017-07-07", "Protesters (Libya)", None, "Tripoli",
       32.8872, 13.1913, "LY", "Tripoli", 0, "gathered")]),
    (XSS_HEADLINE,
     ["Security forces clashed with gunmen in Sabha on Tuesday, leaving seven dead, a "
      "hospital source said.",
      "The text mentions <b>bold</b> & <script>alert(1)</script> as plain words."],
     "2017-08-02", "Sahel Herald",
     [("Battles", "Armed clash", "2017-08-01", "Military Forces of Libya", "Unidentified Armed Group",
       "Sabha", 27.0377, 14.4283, "LY", "Sabha", 7, "clashed")]),
    ("Airstrike reported near Sirte",
     ["An airstrike hit a compound near Sirte in March, killing 12 fighters, officials said."],
     "2016-03-20", "Desert Wire",
     [("Explosions/Remote violence", "Air/drone strike", "2016-03", "Military Forces of Libya",
       "Islamic State", "Sirte", 31.2089, 16.5887, "LY", "Surt", 12, "hit")]),
]


def _span(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


def _sentence(text: str, start: int) -> tuple[int, int]:
    s = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    ends = [i for i in (text.find(". ", start), text.find(".\n", start)) if i >= 0]
    e = min(ends) + 1 if ends else len(text)
    return s, e


def build_results() -> list[ArticleResult]:
    results = []
    for headline, body, date, source, evs in ARTICLES:
        art = Article(headline=headline, body=body, publication_date=date, source_name=source,
                      format="test", origin=f"fixture#{len(results)}").ensure_id()
        text = art.text
        mentions: list[Mention] = []
        events: list[Event] = []
        for (etype, sub, edate, a1, a2, place, lat, lon, cc, adm1, fat, trig) in evs:
            ts, te = _span(text, trig)
            ss, se = _sentence(text, ts)
            sent = text[ss:se]
            ps, pe = _span(text, place)
            mentions.append(Mention("place", ps, pe, place, "GPE", "event",
                                    {"name": place, "lat": lat, "lon": lon, "country_code": cc}))
            mentions.append(Mention("trigger", ts, te, trig, etype))
            ev_evidence = [Evidence(art.id, ss, se, sent, "event"),
                           Evidence(art.id, ps, pe, place, "location")]
            if a1 and a1.split()[0] in text:
                s, e = _span(text, a1.split()[0])
                mentions.append(Mention("actor", s, e, text[s:e], "ORG"))
                ev_evidence.append(Evidence(art.id, s, e, text[s:e], "actor1"))
            for word in ("killed", "dead", "killing"):
                if word in sent:
                    s, e = _span(text, word)
                    mentions.append(Mention("quantity", s - 5 if s >= 5 else s, e, text[max(s - 5, 0):e],
                                            "fatalities"))
                    break
            for word in ("May 3", "Sunday", "Friday", "Tuesday", "March"):
                if word in text:
                    s, e = _span(text, word)
                    mentions.append(Mention("date", s, e, word, "DATE", data={"value": edate}))
                    ev_evidence.append(Evidence(art.id, s, e, word, "date"))
                    break
            attr = []
            for src in ("a United Nations panel", "witnesses", "organisers", "a hospital source",
                        "officials", "a local official"):
                if src in text:
                    s, e = _span(text, src)
                    attr.append(Attribution(src, "report" if "panel" in src else "official",
                                            named="United Nations" in src, hedged=False,
                                            start=s, end=e))
                    mentions.append(Mention("attribution", s, e, src))
                    break
            events.append(Event(
                event_type=etype, sub_event_type=sub, evidence=ev_evidence, date=edate,
                time_precision="month" if len(edate) == 7 else "day",
                actor1=Actor(a1, a1, "Rebel group"), actor2=Actor(a2, a2) if a2 else None,
                location=Place(place, lat=lat, lon=lon, country_code=cc, admin1=adm1,
                               geo_precision="town"),
                fatalities=fat, attribution=attr, confidence=0.8))
        results.append(ArticleResult(article=art, mentions=mentions, events=events))
    return results


def make_db(path: Path) -> Path:
    con = store.connect(path)
    store.write_batch(con, build_results())
    con.close()
    return path

"""Regions: declared by labels, JSON-LD places, geo meta tags and datelines, else inferred from the lead."""
from __future__ import annotations

from collections import Counter

import pycountry
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from service.extract import lead, regions, taxonomy
from service.extract.places import MAX_UPPER_SHARE, WORD, CountryIndex, _norm, country_index
from service.page import Page

LONG = " The harbour board met again on Tuesday to discuss the timetable for the coming season."


def found(body: str, head: str = "", title: str = "", description: str = ""):
    page = Page(f"<html><head>{head}</head><body>{body}</body></html>", "https://news.example/a")
    labelled = taxonomy.extract(page)
    result = regions.extract(page, labelled.value if labelled else {}, lead.of(page, title, description))
    return (result.value, result.rule) if result else ((), None)


def test_declared_label_names_a_vocabulary_region_with_the_countries_the_lead_names():
    value, rule = found("<p>Region: Middle East &amp; North Africa</p><p>Fighting near Aleppo." + LONG + "</p>",
                        title="Talks stall in Syria and Iraq")
    assert rule == "text:label:Region"
    assert [(r.name, r.source) for r in value] == [("Middle East & North Africa", "declared")]
    assert value[0].countries[:2] == ("SY", "IQ")


def test_declared_aliases_and_country_names_map_to_the_vocabulary():
    value, _ = found("<p>Regions: Middle East, Kenya, Bavaria</p>")
    assert [(r.name, r.countries) for r in value] == [("Middle East & North Africa", ()),
                                                      ("Sub-Saharan Africa", ("KE",)), ("Bavaria", ())]


def test_jsonld_content_location_with_a_postal_address():
    head = """<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x",
      "contentLocation": {"@type": "Place", "name": "Port of Valparaíso",
                          "address": {"@type": "PostalAddress", "addressCountry": "CL"}}}</script>"""
    value, rule = found("", head)
    assert rule == "json-ld:contentLocation"
    assert [(r.name, r.source, r.countries) for r in value] == [("Latin America & Caribbean", "declared", ("CL",))]


def test_geo_meta_tags():
    value, rule = found("", '<meta name="geo.region" content="DE-HH"><meta name="geo.placename" content="Hamburg">')
    assert rule == "meta:geo"
    assert [(r.name, r.countries) for r in value] == [("Europe", ("DE",))]


@pytest.mark.parametrize(("dateline", "region", "country"), [
    ("BEIRUT (Reuters) - ", "Middle East & North Africa", "LB"),
    ("NAIROBI, Kenya — ", "Sub-Saharan Africa", "KE"),
    ("Ottawa (AP) – ", "Canada", "CA"),
])
def test_dateline(dateline, region, country):
    value, rule = found(f"<p>{dateline}Harbour workers walked out on Monday over pay." + LONG + "</p>")
    assert rule == "text:dateline"
    assert [(r.name, r.source, r.countries) for r in value] == [(region, "declared", (country,))]


def test_inferred_from_the_title_and_lead():
    value, rule = found("<p>Farmers in the Rift Valley expect a late harvest this year." + LONG + "</p>",
                        title="Kenya's tea farmers count the cost of drought")
    assert rule == "inferred:title+lead"
    assert [(r.name, r.source, r.countries) for r in value] == [("Sub-Saharan Africa", "inferred", ("KE",))]


def test_countries_deep_in_the_body_do_not_make_a_region():
    paragraphs = "".join(f"<p>Paragraph {i} about the harbour timetable and fees." + LONG + "</p>" for i in range(4))
    body = paragraphs + "<p>A delegation from Brazil, Japan and Norway is expected next year." + LONG + "</p>"
    assert found(body, title="Harbour timetable changes") == ((), None)


def test_lowercase_us_and_a_region_word_in_text_are_not_places():
    body = "<p>Region: the strike spread north, and the board told us to wait for news." + LONG + "</p>"
    assert found(body, title="Let us talk about the region") == ((), None)


def test_one_mention_in_the_lead_alone_is_not_enough():
    body = "<p>The ferry, built in Finland decades ago, was retired on Friday." + LONG + "</p>"
    assert found(body, title="Old ferry retired") == ((), None)


def test_every_country_is_in_exactly_one_default_region():
    vocab = regions.vocabulary()
    codes = {c.alpha_2 for c in pycountry.countries}
    assert set(vocab.by_country) == codes
    raw = yaml.load(regions.REGIONS_FILE.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    listed = [code for region in raw["regions"] for code in region["countries"]]
    assert len(listed) == len(set(listed))
    assert vocab.names[0] == "Middle East & North Africa" and len(vocab.names) == 9


def test_country_matcher_names_short_forms_demonyms_and_translations():
    index = country_index()
    found_codes = index.find("U.S.-backed forces, the Syrian army, Côte d'Ivoire, Deutschland and SYRIA")
    assert set(found_codes) == {"US", "SY", "CI", "DE"}
    assert index.code_of("Beirut") == "LB" and index.code_of("DE") == "DE" and index.code_of("us") is None


def test_configured_region_vocabulary_file(make_app, tmp_path):
    custom = tmp_path / "regions.yaml"
    custom.write_text("regions:\n  - name: Nordics\n    aliases: [Norden]\n    countries: [NO, SE, DK, FI, IS]\n"
                      "  - name: Rest of World\n    countries: [KE]\n", encoding="utf-8")
    client = make_app(REGIONS_FILE=str(custom)).test_client()
    page = ("<html><head><title>Ferry strike spreads from Norway to Sweden</title></head><body>"
            "<h1>Ferry strike spreads from Norway to Sweden</h1><p>Crews walked out." + LONG + "</p></body></html>")
    response = client.post("/v1/extract", json={"html": page})
    assert response.get_json()["metadata"]["regions"] == [
        {"name": "Nordics", "source": "inferred", "countries": ["NO", "SE"]}]


def test_a_bad_region_file_stops_the_app_from_starting(make_app, tmp_path):
    with pytest.raises(OSError):
        make_app(REGIONS_FILE=str(tmp_path / "missing.yaml"))


def _walk_every_word(index: CountryIndex, text: str) -> Counter[str]:
    """The plain matcher find stands for: split the whole text into words, try each word in turn."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > MAX_UPPER_SHARE * len(letters):
        text = text.title()
    matches = list(WORD.finditer(text))
    words = [_norm(m.group()) for m in matches]
    found: Counter[str] = Counter()
    i = 0
    while i < len(words):
        width, code = 1, None
        for w in range(min(index.longest.get(words[i], 0), len(words) - i), 0, -1):
            gaps = [text[matches[j].end():matches[j + 1].start()] for j in range(i, i + w - 1)]
            if all(gap.isspace() for gap in gaps) and (code := index.names.get(tuple(words[i:i + w]))):
                width = w
                break
        if code is None and "-" in words[i]:
            code = index.names.get((words[i].split("-", 1)[0],))
        if code:
            found[code] += 1
        i += width
    return found


# Name words, and what may sit next to them: joiners, digits, apostrophes, odd letters and numerals.
NAME_PARTS = ("the", "State", "of", "Palestine", "United", "Kingdom", "Arab", "Emirates", "US", "U.S.",
              "Syria", "Syrian", "Niger", "Nigeria", "Guinea", "Bissau", "Côte", "d'Ivoire", "Korea", "South")
JOINS = (" ", "  ", "\n", "\xa0", ".", "-", "..", ".-", "'s ", "’", "_", "1", "²", "Ⅰ", "x", "é", ", ", "(", "\ud800")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NAME_PARTS), st.sampled_from(JOINS),
                          st.sampled_from((str, str.upper, str.lower))), max_size=12))
def test_country_matcher_finds_what_a_walk_over_every_word_finds(parts) -> None:
    text = "".join(case(word) + join for word, join, case in parts)
    index = country_index()
    assert index.find(text) == _walk_every_word(index, text)


def test_country_matcher_word_boundaries() -> None:
    index = country_index()
    # counted: a name as the first part of a hyphenated word, a name after a digit; not: a name inside a
    # word, or after a hyphen
    assert index.find("Syria-Iraq border, anti-Syrian, 2Syria, Syria_, xSyria") == Counter(SY=2)
    assert index.find("the State of Palestine, the State of\nPalestine") == Counter(PS=2)
    assert index.find("United States’ allies, the United Kingdom's, U.S.-backed") == Counter(US=2, GB=1)

"""combine(): article beats site, reservations imply needs-permission, nothing found stays unknown."""
from __future__ import annotations

from service.terms import licenses
from service.terms.combine import STRENGTH, combine
from service.terms.model import Contact, Duty, Evidence, Finding, License, Rule


def finding(licence: License | None, scope: str, strength: int, **kwargs) -> Finding:
    return Finding(signal="test", scope=scope, strength=strength,
                   evidence=Evidence(text=f"{licence and licence.id} {scope} {strength}", signal="test", where="p"),
                   license=licence, **kwargs)


def cc(url: str, scope: str, strength: int = STRENGTH["rel-license"]) -> Finding:
    licence = licenses.from_url(url)
    c = licenses.describe(licence)
    return finding(licence, scope, strength, commercial_use=c.commercial_use, derivatives=c.derivatives,
                   share_alike=c.share_alike, duties=c.duties)


RESERVED = License("all-rights-reserved", name="All rights reserved")


def test_nothing_found_is_unknown():
    terms = combine([])
    assert terms.license.kind == "none-found"
    assert (terms.commercial_use, terms.derivatives) == ("unknown", "unknown")


def test_all_rights_reserved_means_needs_permission_and_no_derivatives():
    terms = combine([finding(RESERVED, "site", STRENGTH["reservation"],
                             contact=Contact(email="rights@paper.example"))])
    assert terms.license.kind == "all-rights-reserved"
    assert (terms.commercial_use, terms.derivatives) == ("needs-permission", "prohibited")
    assert {"republish", "modify"} <= {r.action for r in terms.prohibitions}
    assert terms.contact.email == "rights@paper.example"


def test_article_level_reservation_beats_site_wide_cc():
    terms = combine([cc("https://creativecommons.org/licenses/by/4.0/", "site"),
                     finding(RESERVED, "article", STRENGTH["reservation"])])
    assert terms.license.kind == "all-rights-reserved"
    assert terms.conflicts and terms.confidence == "medium"


def test_bare_copyright_line_yields_to_a_licence_wherever_it_sits():
    terms = combine([finding(RESERVED, "article", STRENGTH["copyright-line"]),
                     cc("https://creativecommons.org/licenses/by-sa/3.0/de/", "site")])
    assert terms.license.id == "CC-BY-SA-3.0-DE"
    assert terms.conflicts == ()
    assert terms.confidence == "high"


def test_cues_about_images_and_comments_never_decide():
    terms = combine([cc("https://creativecommons.org/licenses/by/2.0/", "images"),
                     cc("https://creativecommons.org/licenses/by-sa/4.0/", "user-content")])
    assert terms.license.kind == "none-found"


def test_agreeing_cues_merge_and_the_url_backed_id_wins():
    named = finding(License("cc", "CC-BY-NC-ND"), "article", STRENGTH["json-ld"])
    linked = cc("https://creativecommons.org/licenses/by-nc-nd/4.0/legalcode", "article", STRENGTH["link"])
    terms = combine([named, linked])
    assert terms.license.id == "CC-BY-NC-ND-4.0"
    assert len(terms.evidence) == 2 and terms.conflicts == ()


def test_publisher_duties_without_a_licence_are_added():
    grant = finding(License("custom-grant", name="Republishing guidelines"), "site", STRENGTH["grant"],
                    commercial_use="needs-permission", permissions=(Rule("republish"),),
                    duties=(Duty("credit-source"),))
    extra = finding(None, "site", STRENGTH["hint"], duties=(Duty("link-to-original"),))
    terms = combine([grant, extra])
    assert terms.license.kind == "custom-grant"
    assert terms.commercial_use == "needs-permission"
    assert terms.derivatives == "unknown"
    assert [d.type for d in terms.duties] == ["credit-source", "link-to-original"]


def test_a_grant_next_to_a_reservation_is_its_carve_out_not_a_conflict():
    grant = finding(License("custom-grant"), "site", 60, permissions=(Rule("cross-post"),),
                    duties=(Duty("credit-source"), Duty("link-to-original")))
    terms = combine([grant, finding(RESERVED, "site", STRENGTH["reservation"])])
    assert terms.license.kind == "custom-grant"
    assert terms.commercial_use == "needs-permission"  # what the grant does not give stays reserved
    assert terms.conflicts == () and terms.confidence == "high"
    assert [r.action for r in terms.permissions] == ["cross-post"]
    assert "republish" not in {r.action for r in terms.prohibitions}


def test_publisher_conditions_add_to_a_cc_licence():
    grant = finding(License("custom-grant"), "site", 60, duties=(Duty("include-tracking-pixel"),),
                    prohibitions=(Rule("sell"),))
    terms = combine([cc("https://creativecommons.org/licenses/by-nd/4.0/", "site"), grant])
    assert terms.license.id == "CC-BY-ND-4.0"
    assert "include-tracking-pixel" in {d.type for d in terms.duties}
    assert terms.conflicts == ()


def test_two_different_cc_licences_at_the_same_level_conflict():
    terms = combine([cc("https://creativecommons.org/licenses/by/4.0/", "site"),
                     cc("https://creativecommons.org/licenses/by-nc/4.0/", "site", STRENGTH["statement"])])
    assert terms.license.id == "CC-BY-4.0"
    assert terms.confidence == "low" and len(terms.conflicts) == 1


def test_an_unnamed_cc_statement_agrees_with_the_named_licence():
    unnamed = finding(licenses.unnamed_cc(), "article", STRENGTH["statement"])
    terms = combine([unnamed, cc("https://creativecommons.org/licenses/by-sa/4.0/", "site")])
    assert terms.license.id == "CC-BY-SA-4.0"
    assert (terms.commercial_use, terms.derivatives, terms.share_alike) == ("allowed", "allowed", True)
    assert terms.conflicts == () and terms.scope == "article"

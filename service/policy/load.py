"""Policy files: read the YAML files of CLEARANCE_POLICY_DIR, validate them, and build Policy objects.

The service refuses to start on a bad file: PolicyFileError names the file, the field and the problem.
The policy-level settings (deny and allow lists, agreements, what to do with no terms, low confidence
or a bare contact, the excerpt allowance) become generated rules with fixed ids, so every reason a
decision gives names a rule that GET /v1/policies/{name} lists.
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

import yaml
from marshmallow import ValidationError

from schemas.policy import PolicySchema, flatten_errors
from service.domains import registrable_domain
from service.policy.model import Agreement, Policy, PolicyRule, Site, UseGrant

# The shipped policies: policies/ of a source checkout (make run, the tests), else the copy a
# non-editable install (pip install ., the container image) puts under the environment's share/.
SOURCE_POLICY_DIR = Path(__file__).resolve().parent.parent.parent / "policies"
INSTALLED_POLICY_DIR = Path(sys.prefix) / "share" / "clearance" / "policies"
SHIPPED_DIR = SOURCE_POLICY_DIR if SOURCE_POLICY_DIR.is_dir() else INSTALLED_POLICY_DIR
POLICY_SUFFIXES = (".yaml", ".yml")
MAX_POLICY_BYTES = 1_000_000
FALLBACK_RULE = "no-rule-matched"
FROM_PAGE = {"field": "grant.from_page", "eq": True}
NO_TERMS = {"field": "terms.license.kind", "eq": "none-found"}
# What each on_* setting turns into: (effect, forbid decision).
_EFFECTS = {"review": ("review", None), "deny": ("forbid", "denied"), "allow": ("permit", None),
            "needs_permission": ("forbid", "needs_permission")}


class PolicyFileError(ValueError):
    """A policy file the service cannot use: every problem, each with its file and field."""

    def __init__(self, source: str, errors: list[dict[str, str]]):
        self.source = source
        self.errors = errors
        listed = "; ".join(f"{e['field']}: {e['message']}" for e in errors)
        super().__init__(f"{source}: {listed}")


def revision_of(content: bytes) -> str:
    """The policy's revision: a hash of its exact bytes, so any edit is a new revision."""
    return "sha256:" + hashlib.sha256(content).hexdigest()[:16]


def parse_policy(content: str | bytes, source: str, expected_name: str | None = None) -> Policy:
    """One policy document (YAML text) validated and built; PolicyFileError lists every problem."""
    raw = content.encode("utf-8") if isinstance(content, str) else content
    if len(raw) > MAX_POLICY_BYTES:
        raise PolicyFileError(source, [{"field": "(document)", "message": f"larger than {MAX_POLICY_BYTES} bytes"}])
    try:
        document = yaml.safe_load(raw.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise PolicyFileError(source, [{"field": "(document)", "message": f"not valid YAML: {exc}"}]) from exc
    except RecursionError as exc:  # brackets nested thousands deep: the YAML composer recurses per level
        raise PolicyFileError(source, [{"field": "(document)", "message": "nested too deeply"}]) from exc
    return build_policy(document, source, revision_of(raw), raw.decode("utf-8"), expected_name)


def build_policy(document: Any, source: str, revision: str, content: str,
                 expected_name: str | None = None) -> Policy:
    """A parsed document validated by the policy schema and turned into a Policy with generated rules."""
    if not isinstance(document, dict):
        raise PolicyFileError(source, [{"field": "(document)", "message": "a policy is a mapping of keys"}])
    try:
        data = PolicySchema().load(document)
    except ValidationError as exc:
        raise PolicyFileError(source, flatten_errors(exc.messages)) from exc
    if expected_name and data["name"] != expected_name:
        raise PolicyFileError(source, [{"field": "name", "message": f"{data['name']!r} differs from the file "
                                                                    f"name {expected_name!r}"}])
    generated = generated_rules(data)
    reserved = {r.id for r in generated} | {FALLBACK_RULE}
    clashes = [{"field": f"rules.{i}.id", "message": f"{r['id']!r} is reserved for a generated rule"}
               for i, r in enumerate(data["rules"]) if r["id"] in reserved]
    if clashes:
        raise PolicyFileError(source, clashes)
    own = tuple(PolicyRule(id=r["id"], effect=r["effect"], message=r["message"], when=r["when"],
                           unless=r["unless"], decision=r["decision"] or ("denied" if r["effect"] == "forbid"
                                                                          else None),
                           obligations=tuple(r["obligations"])) for r in data["rules"])
    fallback = PolicyRule(FALLBACK_RULE, "review", "No rule of the policy covers this use: a person decides.",
                          origin="combining", fallback=True)
    site = data["site"]
    sources = data["sources"]
    return Policy(
        name=data["name"], revision=revision, content=content, document=document,
        description=data["description"],
        site=Site(site["name"], site["url"], site["kind"], site["monetised"], tuple(site["media"])),
        deny=tuple(sources["deny"]), allow=tuple(sources["allow"]),
        agreements=tuple(Agreement(a["domain"], tuple(UseGrant(tuple(u["actions"]), tuple(u["media"]))
                                                      for u in a["uses"]),
                                   a["credit"], tuple(a["duties"]), a["valid_from"], a["valid_until"])
                         for a in sources["agreements"]),
        requirements=tuple(data["requirements"]), excerpt_max_words=data["excerpt_max_words"],
        rules=generated + own + (fallback,))


def generated_rules(data: dict[str, Any]) -> tuple[PolicyRule, ...]:
    """The rules the policy-level settings stand for, in a fixed order, each naming its origin."""
    sources = data["sources"]
    out: list[PolicyRule] = []
    if sources["deny"]:
        out.append(PolicyRule("source-deny-list", "forbid", "The source is on the policy's deny list.",
                              when={"field": "source.domain", "domain_in": list(sources["deny"])},
                              decision="denied", origin="sources.deny"))
    if sources["agreements"]:
        out.append(PolicyRule("agreement-expired", "forbid", "Our agreement with this source is not valid today.",
                              when={"field": "agreement.status", "in": ["expired", "not-yet-valid"]},
                              decision="denied", origin="sources.agreements"))
        out.append(PolicyRule("agreement-grants-use", "permit", "Our agreement with this source grants this use.",
                              when={"all": [{"field": "grant.by", "eq": "agreement"},
                                            {"field": "grant.status", "eq": "granted"}]},
                              origin="sources.agreements"))
    if sources["allow"]:
        out.append(PolicyRule("source-allow-list", "permit", "The source is on the policy's allow list.",
                              when={"field": "source.domain", "domain_in": list(sources["allow"])},
                              origin="sources.allow"))
    effect, decision = _EFFECTS[data["on_contact_only"]]
    out.append(PolicyRule("contact-only", effect, "The page gives no terms, only a contact: ask it.",
                          when={"all": [NO_TERMS, {"field": "terms.contact", "exists": True}, FROM_PAGE]},
                          decision=decision, origin="on_contact_only"))
    effect, decision = _EFFECTS[data["on_no_terms"]]
    out.append(PolicyRule("no-terms-found", effect, "No reuse terms were found on the page.",
                          when={"all": [NO_TERMS, {"field": "terms.contact", "exists": False}, FROM_PAGE]},
                          decision=decision, origin="on_no_terms"))
    if data["on_low_confidence"] == "review":
        out.append(PolicyRule("low-confidence", "review", "The terms found are ambiguous: a person should "
                              "read them.",
                              when={"all": [{"field": "terms.confidence", "eq": "low"},
                                            {"field": "terms.license.kind", "ne": "none-found"}, FROM_PAGE]},
                              origin="on_low_confidence"))
    if data["excerpt_max_words"]:
        out.append(PolicyRule("excerpt-allowance", "permit",
                              f"A quotation of at most {data['excerpt_max_words']} words needs no grant.",
                              when={"all": [{"field": "use.action", "eq": "excerpt"},
                                            {"field": "use.within_excerpt_allowance", "eq": True}]},
                              obligations=("excerpt-within-allowance",), origin="excerpt_max_words"))
    return tuple(out)


def load_dir(directory: str | Path) -> dict[str, Policy]:
    """Every policy file of directory, by name; the first bad file stops everything (PolicyFileError)."""
    folder = Path(directory)
    if not folder.is_dir():
        raise PolicyFileError(str(folder), [{"field": "(directory)", "message": "not a directory"}])
    policies: dict[str, Policy] = {}
    for path in sorted(p for p in folder.iterdir() if p.suffix in POLICY_SUFFIXES and p.is_file()):
        policy = parse_policy(path.read_bytes(), str(path), expected_name=path.stem)
        policies[policy.name] = policy
    if not policies:
        raise PolicyFileError(str(folder), [{"field": "(directory)", "message": "holds no *.yaml policy file"}])
    return policies


def load_configured(config: dict[str, Any]) -> tuple[dict[str, Policy], str]:
    """The policies of CLEARANCE_POLICY_DIR and the name of the default one, checked to exist."""
    policies = load_dir(config.get("POLICY_DIR") or SHIPPED_DIR)
    registrable_domain("example.org")  # load the public suffix list now, not during the first request
    default = config.get("DEFAULT_POLICY") or ""
    if default not in policies:
        raise PolicyFileError("CLEARANCE_DEFAULT_POLICY", [{"field": "DEFAULT_POLICY", "message":
                              f"no policy named {default!r}; loaded: {sorted(policies)}"}])
    return policies, default

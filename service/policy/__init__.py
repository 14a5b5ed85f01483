"""Policies: load and validate the operator's policy files, evaluate a use against one, verify the
draft, and write the credit line. `decide` is the whole of it for one request."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from service.page import Page
from service.policy.credit import credit_block
from service.policy.draft import verify
from service.policy.evaluate import build_facts, evaluate
from service.policy.model import Obligation, Policy, Reason
from service.policy.obligations import collect
from service.policy.origin import Original
from service.terms.model import Contact


@dataclass(frozen=True)
class Decision:
    decision: str  # one of model.DECISIONS
    reasons: tuple[Reason, ...]
    obligations: tuple[Obligation, ...]
    contact: Contact | None
    attribution: dict[str, str]
    grant: dict[str, Any]

    @property
    def rule_ids(self) -> list[str]:
        return [r.rule for r in self.reasons]


def decide(policy: Policy, original: Original, use: dict[str, Any], draft: Page | None,
           today: date | None = None) -> Decision:
    """The policy's decision on this use of the original, with obligations checked against the draft."""
    today = today or date.today()
    facts, grant = build_facts(policy, original.terms, original.metadata, use, original.url, today)
    verdict = evaluate(policy, facts, grant, original.terms)
    duties: list[tuple[str, dict[str, Any]]] = []
    obligations: list[Obligation] = []
    decision = verdict.decision
    if verdict.effect == "permit":
        duties = collect(policy, original.terms, grant, verdict.matched, use)
        obligations = verify(duties, original, draft, use, policy.excerpt_max_words)
        if obligations and any(o.status != "met" for o in obligations):
            decision = "conditional"
    agreement_credit = grant.agreement.credit if grant.by == "agreement" and grant.agreement else None
    if not duties:  # a credit block is still offered: what a permission, once given, would want
        duties = [(d.type, dict(d.params)) for d in original.terms.duties]
    contact = original.terms.contact
    if contact is not None and not (contact.email or contact.url):
        contact = None
    if contact is None and decision == "needs_permission" and original.terms.follow_up:
        contact = Contact(None, original.terms.follow_up[0])  # the publisher's own terms or permissions page
    return Decision(decision, verdict.reasons, tuple(obligations), contact,
                    credit_block(original, duties, agreement_credit), facts["grant"])

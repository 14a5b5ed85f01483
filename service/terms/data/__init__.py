"""Per-language clause tables: one module per language, the same constant names in each.

Every constant is a tuple of regular-expression sources (matched case-insensitively against one
sentence of visible text) or a dict of them. `service.terms.cues` compiles each language's tables
into one combined regex, so adding a language is adding a module here and naming it in LANGUAGES.

Names every module defines:
- KEYWORDS: lower-case literal fragments; every pattern of the module must contain one of them (a
  block with none of them is never looked at again: that is what keeps the scan under a millisecond).
- RESERVED: "all rights reserved" forms (never the Creative Commons "some rights reserved").
- NO_REUSE: reuse forbidden outright or "only with permission" (wire clauses, Nachdruck...).
- WITHOUT_PERMISSION + REUSE: "without prior written permission" counts only next to a reuse verb.
- COPYRIGHT: copyright statements in words ("urheberrechtlich geschützt"); the sign is common.
- PERSONAL_USE, FIRST_WORDS (group `n`), PRESS_RELEASE, GRANT: kinds of custom grant.
- DUTIES (duty type -> cue), VENUES (venue -> cue), MEDIA (medium -> cue), NO_EDITS, NO_SALE,
  ASK_PERMISSION (a sentence that sends you to ask), COMMERCIAL.
- NOISE: sentences that are about something else (fair use of third-party material, cookies,
  privacy, donations); THIRD_PARTY_PREFIX: "Associated Press articles:"-style conditions.
- CONTACT_LINKS / TERMS_LINKS: link texts of a permissions portal / of a terms page.
"""
LANGUAGES = ("en", "de", "es", "fr", "it")
COMMON = "common"  # language-independent cues (the copyright sign), scanned like a language

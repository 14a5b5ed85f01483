"""English clause patterns (see the package docstring for what each name means)."""

KEYWORDS = ("reserv", "distribut", "broadcast", "copied", "transmit", "reprodu", "republi", "reprint", "repost",
            "cross-post", "crosspost", "cross post", "prohib", "forbid", "permi", "consent", "authoriz", "authoris",
            "use only", "only for", "solely for", "exclusively for", "personal use", "private use", "words",
            "press release", "copyright")

RESERVED = (r"(?<!some )(?<!certain )\ball rights? (?:are )?reserved\b",)

_REUSE_VERB = (r"(?:re)?published|broadcast|rewritten|redistributed|reproduced|copied|distributed|transmitted"
               r"|cached|displayed|modified|stored|sold|reprinted|republished|posted|used")
NO_REUSE = (
    # wire clauses: at least two reuse verbs in a row ("may not be published, broadcast, rewritten...")
    rf"\b(?:may|must|shall|can) ?not be (?:{_REUSE_VERB})(?:,? (?:and/or |or |and )?(?:otherwise )?(?:{_REUSE_VERB})){{1,}}",
    r"\b(?:do|does) not (?:reproduce|republish|copy|redistribute|reprint)\b.{0,60}?\bwithout\b",
    (r"\b(?:content|material|articles?|stories|texts?|photos|images|this (?:article|story|page))\b[^.]{0,40}?"
     r"\b(?:may|must|shall) not be (?:re)?(?:produced|printed|distributed|copied|published)\b"),
    r"\bnot for (?:re)?(?:distribution|reproduction|publication)\b",
    (r"\b(?:reproduction|republication|redistribution|copying|reprinting)\b[^.]{0,80}?\b(?:is |are )?"
    r"(?:strictly )?(?:prohibited|forbidden|not permitted)\b"),
)
WITHOUT_PERMISSION = (
    (r"\bwithout (?:the |our )?(?:(?:express|prior|explicit|advance)(?:ed)? |written |,? )*"
    r"(?:permission|consent|authori[sz]ation)\b"),
    (r"\b(?:except|only|unless) with (?:the |our )?(?:(?:express|prior|explicit|advance) |written )*"
    r"(?:permission|consent|authori[sz]ation)\b"),
    (r"\b(?:requires?|subject to) (?:the |our )?(?:(?:express|prior|explicit|advance) )*written "
    r"(?:permission|consent|authori[sz]ation)\b"),
)
REUSE = ((r"\b(?:reproduc|republi|redistribut|reprint|copy|copie|distribut|transmit|cach|publish|broadcast"
         r"|rewrit|syndicat|reus)\w*"),)
COPYRIGHT = ((r"\bcopyright (?:(?:of|in|for) (?:this|the) (?:article|story|text|content|work) )?"
              r"(?:belongs to|remains with|is (?:held|owned|retained) by)\b"),)

PERSONAL_USE = (r"\bfor (?:your )?(?:own )?(?:personal|private)(?:,? (?:and )?non-?commercial)? use only\b",
                (r"\b(?:solely|only|exclusively) for (?:your )?(?:own )?(?:personal|private)(?:,? non-?commercial)? "
                r"(?:use|purposes)\b"))
FIRST_WORDS = (
    (r"\b(?:the )?first (?P<n>\d{2,4}) words\b[^.]{0,60}?\b(?:may|can|are free to) be (?:freely )?"
    r"(?:re)?(?:published|printed|produced|posted|quoted|used)"),
    (r"\b(?:quote|excerpt|republish|reproduce|reprint)\w* (?:the first |up to |no more than |not more than |at most )"
    r"(?P<n>\d{2,4}) words\b"),
    r"\b(?:excerpts?|extracts?|quotations?) of (?:up to |no more than |not more than |at most )?(?P<n>\d{2,4}) words\b",
)
PRESS_RELEASE = ((r"\bpress releases?\b[^.]{0,80}?\b(?:may|can|are free to) be (?:freely )?"
                 r"(?:reprinted|republished|reproduced|used|published)\b"),
                 r"\bpress releases?\b[^.]{0,60}?\bfree (?:to|for) (?:reprint|republi|reproduc|use)\w*")
GRANT = (
    (r"\b(?P<verb>reprint(?:ing)?|republi(?:cation|shing)|reproduction)\b (?:is )?(?:freely )?"
     r"(?:permitted|allowed|welcome|encouraged|free)\b[^.]{0,40}?\b(?:with|if|provided|as long as)\b"),
    r"\bpermission is (?:hereby )?granted to (?P<verb>copy|reproduce|republish|reprint|redistribute|repost)\b",
    (r"\b(?:grants?|gives?|granted) (?:you |readers )?(?:the )?(?:permission|right) to "
    r"(?P<verb>cross-?post|repost|republish|reprint|reproduce|share)\b"),
    (r"\b(?:you|readers|anyone|publishers|outlets|organi[sz]ations|others) (?:are (?:free|welcome|permitted|allowed) to"
    r"|may|can) (?:freely )?(?P<verb>republish|reprint|repost|cross-?post|reproduce|redistribute) "
     r"(?:(?:this|our|the|these|all|any) )?"
    r"(?:\w+ )?(?:articles?|stor(?:y|ies)|content|work|material|reporting|pieces?|posts?)\b"),
    (r"\b(?:articles|stories|content|material|this (?:article|story)|our (?:articles|stories|work))\b"
    r"[^.]{0,40}?\b(?:may|can) be (?:freely )?"
     r"(?P<verb>republished|reprinted|reposted|cross-?posted|reproduced|redistributed)\b"),
    r"\b(?P<verb>republish) (?:this|our) (?:articles?|stor(?:y|ies)|content|reporting|work)\b[^.]{0,30}?\bfor free\b",
    r"\bfree to (?P<verb>republish|reprint)\b",
)
DUTIES = {
    "credit-author-institution": r"\b(?:their|the author'?s?|his|her|authors') (?:institutions?|universit(?:y|ies)|"
                                 r"affiliations?)\b",
    "credit-source": r"\bsources?\b[^.]{0,40}?\b(?:acknowledged|credited|cited|named|mentioned|indicated)"
                     r"|\bcredit(?:s|ing)? (?!(?:the |our |its |their |both )?(?:authors?|reporters?|writers?|"
                     r"photographers?|us|them|it)\b)\w"
                     r"|\b(?:credit|cite|acknowledge|name|mention)(?:s|ing)? (?:the |our )?(?:source|outlet|publication|us)\b"
                     r"|\b(?:authors?|reporters?) and (?:the |our )?(?:outlet|publication|newsroom|site)\b"
                     r"|\bcredit\w* (?:both )?(?:the |our )?(?:authors?|reporters?|writers?) and (?!(?:link|include|keep|set|do|don|use"
                     r"|add|notify|let|tell|send|provide|retain|display|must|should|please|their|his|her)\b)",
    "credit-author": r"\b(?:credit|name|cite|acknowledge)(?:s|ing)? (?:both )?(?:the |our |its )?(?:authors?|reporters?|writers?)\b"
                     r"|\bbylines?\b|\bauthors?\b[^.]{0,30}?\b(?:credited|named|acknowledged)",
    "copyright-notice": r"\bcopyright\b[^.]{0,30}?\b(?:acknowledged|retained|included|kept|shown)"
                        r"|\b(?:include|keep|retain|display)(?:s|ing)? (?:the |our )?copyright (?:notice|line)",
    "link-to-original": r"\b(?:hyper)?link(?:s|ing)?\b(?: back)? to the original\b|\b(?:hyper)?link(?:s|ing)? back\b"
                        r"|\b(?:hyper)?link(?:s|ing)? to (?:the |our )(?:original |source )?(?:article|story|page|post|website|site)\b",
    "include-tracking-pixel": r"\b(?:tracking |analytics |web )?pixel\b|\btracking (?:code|snippet|tag)\b",
    "canonical-link": r"\bcanonical\b",
    "headline-unchanged": r"\b(?:headlines?|titles?)\b[^.]{0,40}?\b(?:unchanged|as published)\b"
                          r"|\b(?:not|n't|never) (?:change|alter|edit|rewrite) (?:the |our )?(?:headline|title)",
    "include-original-links": r"\b(?:keep|retain|include|preserve) (?:all |any )?(?:of )?(?:the )?(?:original |embedded |in-text )?links\b",
    "notify-publisher": r"\b(?:let us know|notify us|inform us|tell us|email us|drop us a line)\b"
                        r"|\bnotify (?:the )?(?:publisher|editors?)\b",
    "originally-published-line": r"\b(?:originally|first) (?:published|appeared)\b[^.]{0,40}?\b(?:line|note|statement|credit)\b"
                                 r"|\b(?:include|add|state)\b[^.]{0,40}?[\"“']?(?:this (?:article|story) )?(?:was )?originally (?:published|appeared)",
    "indicate-changes": r"\b(?:indicate|note|mark|flag) (?:any |if |where )?changes\b",
}
VENUES = {
    "community": r"\bcommunity (?:internet |web ?)?(?:sites|websites|blogs|publications|radio)\b",
    "non-commercial": r"\bnon-?commercial (?:internet |web ?)?(?:sites|websites|blogs|purposes|use|publications|media)\b",
    "nonprofit": r"\bnon-?profit (?:sites|websites|organi[sz]ations|publications|media|newsrooms|outlets)\b",
    "educational": r"\beducational (?:purposes|use|sites|institutions)\b",
}
MEDIA = {
    "web": r"\b(?:internet|web ?sites?|websites?|online|blogs?)\b",
    "print": r"\b(?:in print|print (?:publications?|editions?|media)|newspapers?|magazines?)\b",
}
NO_EDITS = ((r"\b(?:can(?:no|')t|cannot|may not|must not|do not|don't|should not|shall not|not allowed to) "
            r"(?:be )?(?:edit|alter|modify|change|rewrite|abridge)(?:ed)?\b"),
            r"\b(?:unedited|without (?:any )?(?:edits|changes|alterations|modifications))\b")
NO_SALE = (r"\b(?:can(?:no|')t|cannot|may not|must not|do not|don't|not allowed to) (?:re)?sell\b",)
ASK_PERMISSION = ((r"\b(?:contact|write to|e-?mail|ask|request|obtain|seek)\b[^.]{0,40}?"
                  r"(?:\bpermission\b|@|\bus\b|:)"),
                  r"\b(?:need|needs|require|requires|required) (?:our |the |prior |written )*(?:permission|consent|a licen[cs]e)\b")
PERMISSION_OBJECTS = {
    "print": r"\b(?:in )?print\b",
    "commercial": r"\bcommercial\b(?! ?-?free)",
    "broadcast": r"\bbroadcast\w*",
    "translate": r"\btranslat\w*",
}
COMMERCIAL = (r"(?<!non-)(?<!non)\bcommercial\b",)
NOISE = (r"\bfair use\b|\bfair dealing\b|\bsection 107\b",
         (r"\bwe use cookies\b|\b(?:accept|consent to|use of) (?:the use of )?cookies\b|\bcookies? (?:help|to|are|that)\b"
         r"|\bpersonal (?:data|information)\b|\bdata protection\b|\byour (?:e-?mail|email) address\b"),
         (r"\b(?:please )?(?:support|donate to) (?:us|our work|the project|this project)\b|\bpaypal\b|\bpatreon\b"
         r"|\bmake a donation\b|\bdonations? (?:help|allow|keep)\b"))
THIRD_PARTY_PREFIX = (r"\b(?:[A-Z][\w.&!'-]*\s){1,5}(?:articles|stories|content|material|photos|images|videos|reports)\s*:",)
CONTACT_LINKS = (r"\breprints?\b", r"\bpermissions?\b", r"\breuse this\b", r"\blicen[cs]ing\b",
                 r"\bsyndication\b", r"\bcontent licen[cs]", r"\bbuy (?:a )?licen[cs]e\b")
TERMS_LINKS = (r"\brepublish(?:ing)? (?:guidelines|policy|this)\b", r"\bterms (?:of (?:use|service)|and conditions)\b",
               r"\bcopyright (?:policy|notice)\b", r"\buser agreement\b", r"\blicen[cs]e\b")

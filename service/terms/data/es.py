"""Spanish clause patterns (see the package docstring for what each name means)."""

KEYWORDS = ("reservad", "prohib", "prohíb", "autoriz", "permi", "consent", "uso personal", "uso privado", "palabras",
            "prensa", "republic", "reprodu")

RESERVED = (r"(?<!algunos )\b(?:todos los )?derechos (?:están )?reservados\b",)

NO_REUSE = (
    (r"\b(?:prohibida|prohibido|queda prohibida|queda prohibido|se prohíbe)\b[^.]{0,40}?"
    r"\b(?:reproducci[oó]n|distribuci[oó]n|copia|difusi[oó]n|publicaci[oó]n|redistribuci[oó]n)\b"),
    r"\b(?:reproducci[oó]n|distribuci[oó]n|copia|difusi[oó]n)\b[^.]{0,80}?\b(?:prohibida|prohibido|no (?:está )?permitida)\b",
)
WITHOUT_PERMISSION = (
    r"\bsin (?:la |el |nuestra |nuestro )?(?:previa |previo |expresa |expreso )?(?:autorizaci[oó]n|permiso|consentimiento)\b",
)
REUSE = (r"\b(?:reproduc|distribu|copi|difund|difusi|republic|publica|redistribu|transmit)\w*",)
COPYRIGHT = ()

PERSONAL_USE = (r"\b(?:exclusivamente|únicamente|solo|sólo) (?:para )?(?:el |su )?uso (?:personal|privado)\b",
                r"\bpara uso personal y no comercial\b")
FIRST_WORDS = (r"\blas primeras (?P<n>\d{2,4}) palabras\b[^.]{0,60}?\b(?:pueden|podrán|se pueden)\b",)
PRESS_RELEASE = (r"\b(?:comunicado|nota) de prensa\b[^.]{0,80}?\b(?:libre|libremente|gratuita)\b",)
GRANT = (
    (r"\b(?:se autoriza|se permite|permitida|autorizada|libre)\b (?:la )?(?P<verb>reproducción|republicación|difusión)\b"
     r"[^.]{0,60}?\b(?:citando|mencionando|siempre que|con la condición|indicando|con mención)\b"),
    (r"\b(?P<verb>reproducción|republicación) (?:total o parcial )?(?:autorizada|permitida|libre)\b[^.]{0,40}?"
     r"\b(?:citando|mencionando|siempre que|indicando|con mención)\b"),
    (r"\b(?:puede|pueden|se permite|permitimos|autorizamos)\b (?:\w+ ){0,4}?(?P<verb>republicar|reproducir|reproducirse|republicarse)\b"
    r"[^.]{0,60}?\b(?:siempre que|siempre y cuando|con la condición|si)\b"),
)
DUTIES = {
    "credit-source": r"\b(?:cit\w+|mencion\w+|indi\w+)\b[^.]{0,30}?\bfuente\b|\bfuente\b[^.]{0,20}?\b(?:citada|mencionada|indicada)",
    "credit-author": r"\b(?:cit\w+|mencion\w+|indi\w+)\b[^.]{0,30}?\b(?:autor|autora)(?:es|as)?\b",
    "link-to-original": r"\b(?:enlace|hiperv[ií]nculo|link)\b[^.]{0,40}?\b(?:original|fuente)\b",
}
VENUES = {
    "non-commercial": r"\b(?:fines|sitios|usos?) no comerciales\b",
}
MEDIA = {
    "web": r"\b(?:internet|sitios? web|en l[ií]nea|blogs?)\b",
    "print": r"\b(?:impres\w+|papel)\b",
}
NO_EDITS = (r"\bsin (?:modificaciones|modificar|alteraciones|cambios)\b",)
NO_SALE = (r"\bno (?:se )?(?:puede|podrá) vender\w*",)
ASK_PERMISSION = (r"\b(?:contact\w+|escrib\w+|solicit\w+)\b", r"\b(?:autorizaci[oó]n|permiso)\b")
PERMISSION_OBJECTS = {"commercial": r"(?<!no )\bcomercial\w*", "print": r"\bimpres\w+"}
COMMERCIAL = (r"(?<!no )\bcomercial\w*",)
NOISE = (r"\bpol[ií]tica de privacidad\b|\butilizamos cookies\b|\bdatos personales\b",
         r"\bdona ahora\b|\bapoya (?:nuestro|este)\b|\bpaypal\b|\buso leg[ií]timo\b")
THIRD_PARTY_PREFIX = (r"\b(?:Art[ií]culos|Contenidos|Fotos|Im[aá]genes) de (?:[A-Z][\w.&-]*\s?){1,4}:",)
CONTACT_LINKS = (r"\bpermisos\b", r"\blicencias\b", r"\bderechos de reproducci[oó]n\b", r"\bsindicaci[oó]n\b")
TERMS_LINKS = (r"\bt[eé]rminos (?:y condiciones|de uso)\b", r"\baviso legal\b", r"\bcondiciones de uso\b")

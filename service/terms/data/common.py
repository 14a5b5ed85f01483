"""Cues that read the same in every language: the copyright sign and its spellings."""

KEYWORDS = ("©", "(c)", "&copy;", "copyright")
COPYRIGHT = (r"©|&copy;|\(c\)\s*\d{4}|\bcopyright\s*(?:©\s*)?(?:\(c\)\s*)?\d{4}|\bcopyright\s*©",)

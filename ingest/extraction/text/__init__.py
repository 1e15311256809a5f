"""The `text` stage: the article's text as sentences, and the search tools later stages use.

`normalize` (one spelling for quotes, dashes, spaces; the name key), `document`
(furniture, datelines, abbreviation-aware sentence splitting: `read_document`),
`tokens` (word tokens and capitalised-name runs), `scanning` (regexes run only over
sentences holding their key words), `stem_rows` (which rows of a pattern table can match
in a document, in one pass), `regex_lead` and `class_lead` (patterns the regex engine can
skip through, and where a pattern opening with a lookahead can begin), `literal_gate`
(patterns tried only at the words their matches open with).
"""

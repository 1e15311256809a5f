"""The `text` stage: the article's text as sentences, and the search tools later stages use.

`normalize` (one spelling for quotes, dashes, spaces; the name key), `document`
(furniture, datelines, abbreviation-aware sentence splitting: `read_document`),
`tokens` (word tokens and capitalised-name runs), `scanning` (regexes run only over
sentences holding their key words), `regex_lead` (patterns the regex engine can skip
through).
"""

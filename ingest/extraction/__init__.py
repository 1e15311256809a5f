"""The rule-based extractor's parts: text clean-up, sentences, mentions, aliases, relations.

`ingest.extract.extract_article` wires them together; each submodule is a small
step with its own contract so it can be tested alone.
"""

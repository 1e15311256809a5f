"""Readers behind `ingest.read`: bytes in, article records out, one module per concern.

`load` gets bytes (file or URL, size-checked first), `decode` turns them into text
or refuses them, `formats` picks a parser (`plain`, `html`, `jsondoc`, `feed`), and
`records` turns what a parser found into validated `Article`s after `clean`.
"""

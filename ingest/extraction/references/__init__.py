"""The `references` stage: spans that refer to entities without naming them.

`unnamed_groups` ("13 apps", "a 29-year-old man"), `activities` ("cryptocurrency
trading"), `descriptions` ("the watchdog", "Japan's regulator"), `implied_bodies`
(the body a description implies when nothing earlier fits), `collectives` ("the
Centre", "the five exchanges"), `pronouns` ("it", "its"). Each stage function adds
mentions to the `ArticleState`.
"""

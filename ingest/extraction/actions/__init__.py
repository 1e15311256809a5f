"""The `actions` stage: action and referral relations from trigger words.

`span_patterns`, `trigger_patterns` and `ending_patterns` (the trigger table; the last
holds words that are an action's end), `triggers` (finding them, with their voice;
hedges), `clauses` (where a sentence changes subject), `roles` (actor and targets by
voice), `implicit_roles` (those the clause leaves implicit), `action_drafts` (relation
drafts from one trigger) with their v2 attributes (`action_attributes`): when
(`graph/partial_dates`, `date_mentions`, `action_dates`, `date_restatements`), whether and how
it ended (`endings`, `action_status`, `reinstatements`), how much (`money`, `fine_amounts`);
`action_relations` (the stage: `read_actions`).
"""

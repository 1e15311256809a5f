"""The `actions` stage: action and referral relations from trigger words.

`span_patterns` and `trigger_patterns` (the trigger table), `triggers` (finding them,
with their voice; hedges), `clauses` (where a sentence changes subject), `roles`
(actor and targets by voice), `implicit_roles` (those the clause leaves implicit),
`action_dates` and `money` (when, and how much), `action_drafts` (relation drafts
from one trigger), `action_relations` (the stage: `read_actions`).
"""

// name: pair_history
// description: The history of one actor-target pair: every action the actor took against
//   the target (active and ended), oldest first, one row per change of status (taken, then
//   suspended, lifted, revoked, ...), with when and the articles that said so.
// params: actor:str, target:str
// example: :param actor => 'regulator:financial-intelligence-unit-india'
// example: :param target => 'exchange:binance'
MATCH (:Entity {id: $actor})-[r:BANNED|BLOCKED|FINED|SUED|INVESTIGATED|WARNED|LICENSED]->(:Entity {id: $target})
UNWIND range(0, size(r.history_status) - 1) AS step
RETURN toString(r.in_force_from) AS since, r.event_id AS event_id, type(r) AS action,
       r.date AS date, step, r.history_status[step] AS status,
       CASE r.history_how[step] WHEN '' THEN null ELSE r.history_how[step] END AS how,
       CASE r.history_on[step] WHEN '' THEN null ELSE r.history_on[step] END AS day,
       [a IN r.sources WHERE r.history_sources_json[step]
          CONTAINS ('"' + replace(a, '"', '\\"') + '"')] AS sources
ORDER BY since, event_id, step

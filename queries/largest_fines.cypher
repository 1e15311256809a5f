// name: largest_fines
// description: Fines and settlements with a stated amount, largest first, optionally in one
//   currency (amounts in different currencies are not converted).
// params: currency:str=null, limit:int[1..100]=20
// example: :param currency => null
// example: :param limit => 20
MATCH (actor:Entity)-[r:FINED]->(target:Entity)
WHERE r.amount IS NOT NULL AND ($currency IS NULL OR toUpper(r.currency) = toUpper($currency))
RETURN actor.id AS actor_id, actor.name AS actor_name, target.id AS target_id,
       target.name AS target_name, r.amount AS amount, r.currency AS currency,
       coalesce(r.date, toString(r.first_seen)) AS date, r.event_id AS event_id
ORDER BY amount DESC, actor_id, target_id, event_id
LIMIT $limit

// name: actions_in_force
// description: The actions in force on a day (today when not given): taken on or before it
//   (the action's date, else the day first reported) and not ended by then; optionally of
//   one type, with one current status (active or ended, i.e. ended later), and acted in a
//   jurisdiction (its actor is the place, a place within it, or a body LOCATED_IN one).
//   Newest first.
// params: on:date=null, status:action_status=null, type:action_type=null, jurisdiction:str=null, limit:int[1..500]=100
// example: :param on => '2023-06-30'
// example: :param status => null
// example: :param type => null
// example: :param jurisdiction => null
// example: :param limit => 100
WITH coalesce($on, date()) AS day
MATCH (actor:Entity)-[r:BANNED|BLOCKED|FINED|SUED|INVESTIGATED|WARNED|LICENSED]->(target:Entity)
WHERE r.in_force_from <= day AND (r.in_force_until IS NULL OR day < r.in_force_until)
  AND ($status IS NULL OR r.status = $status)
  AND ($type IS NULL OR type(r) = $type)
  AND ($jurisdiction IS NULL
       OR EXISTS { MATCH (j:Jurisdiction {id: $jurisdiction})
                   WHERE actor = j
                      OR EXISTS { MATCH (actor)-[:PART_OF*1..6]->(j) }
                      OR EXISTS { MATCH (actor)-[:LOCATED_IN]->(:Jurisdiction)-[:PART_OF*0..6]->(j) } })
RETURN toString(r.in_force_from) AS since, r.date AS date, type(r) AS action,
       actor.id AS actor_id, actor.name AS actor_name, target.id AS target_id,
       target.name AS target_name, target.type AS target_type, r.status AS status,
       r.ended_how AS ended_how, r.ended_on AS ended_on,
       toString(r.in_force_until) AS until, r.event_id AS event_id, size(r.sources) AS sources
ORDER BY since DESC, actor_id, target_id, action, event_id
LIMIT $limit

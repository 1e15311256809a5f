// name: actions_in_jurisdiction
// description: All actions of one type whose actor is the jurisdiction itself, a place within
//   it (PART_OF), or a body LOCATED_IN it or in a place within it, optionally limited to a
//   date range (the action's date, else the date it was first reported: `since`); newest
//   first. `date` is the action's date at the text's precision (YYYY, YYYY-MM or
//   YYYY-MM-DD), else the day first reported.
// params: action:action_type, jurisdiction:str, since:date=null, until:date=null, limit:int[1..500]=100
// example: :param action => 'BANNED'
// example: :param jurisdiction => 'jurisdiction:china'
// example: :param since => null
// example: :param until => null
// example: :param limit => 100
MATCH (j:Entity:Jurisdiction {id: $jurisdiction})
MATCH (actor:Entity)-[r]->(target:Entity)
WHERE type(r) = $action
  AND (actor = j
       OR EXISTS { MATCH (actor)-[:PART_OF*1..6]->(j) }
       OR EXISTS { MATCH (actor)-[:LOCATED_IN]->(:Jurisdiction)-[:PART_OF*0..6]->(j) })
  AND ($since IS NULL OR r.in_force_from >= $since)
  AND ($until IS NULL OR r.in_force_from <= $until)
RETURN coalesce(r.date, toString(r.first_seen)) AS date, toString(r.in_force_from) AS since,
       actor.id AS actor_id, actor.name AS actor_name, type(r) AS action,
       target.id AS target_id, target.name AS target_name, target.type AS target_type,
       target.count AS target_count, r.status AS status, r.event_id AS event_id,
       size(r.sources) AS sources
ORDER BY since DESC, actor_id, target_id, event_id
LIMIT $limit

// name: entity_in_force
// description: What stood against an entity on a day (today when not given): each action
//   taken against it (bans, blocks, fines, warnings, licences, ...) and not ended by then,
//   by the actor's jurisdiction (the actor itself when it is a place, else the place it is
//   LOCATED_IN, the best supported; null when unknown), with since when and its sources.
// params: id:str, on:date=null
// example: :param id => 'exchange:binance'
// example: :param on => '2024-12-31'
WITH coalesce($on, date()) AS day
MATCH (actor:Entity)-[r:BANNED|BLOCKED|FINED|SUED|INVESTIGATED|WARNED|LICENSED]->(e:Entity {id: $id})
WHERE r.in_force_from <= day AND (r.in_force_until IS NULL OR day < r.in_force_until)
OPTIONAL MATCH (actor)-[seat:LOCATED_IN]->(place:Jurisdiction)
WITH actor, r, place ORDER BY size(seat.sources) DESC, place.id
WITH actor, r, collect(place)[0] AS place
WITH actor, r, CASE WHEN actor:Jurisdiction THEN actor ELSE place END AS place
RETURN place.id AS jurisdiction_id, place.name AS jurisdiction_name,
       toString(r.in_force_from) AS since, r.date AS date, type(r) AS action,
       actor.id AS actor_id, actor.name AS actor_name, r.status AS status,
       r.event_id AS event_id, r.sources AS sources
ORDER BY jurisdiction_name, jurisdiction_id, since, action, actor_id, event_id

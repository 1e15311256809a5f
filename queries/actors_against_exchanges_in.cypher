// name: actors_against_exchanges_in
// description: Who took adverse action (anything but LICENSED) against exchanges headquartered
//   in a jurisdiction or in a place within it, with the action and its date.
// params: jurisdiction:str, limit:int[1..500]=100
// example: :param jurisdiction => 'jurisdiction:british-virgin-islands'
// example: :param limit => 100
MATCH (j:Entity:Jurisdiction {id: $jurisdiction})
MATCH (x:Entity:Exchange)-[:HEADQUARTERED_IN]->(:Jurisdiction)-[:PART_OF*0..6]->(j)
WITH DISTINCT x
MATCH (actor:Entity)-[r:BANNED|BLOCKED|FINED|SUED|INVESTIGATED|WARNED]->(x)
RETURN actor.id AS actor_id, actor.name AS actor_name, actor.type AS actor_type,
       type(r) AS action, x.id AS exchange_id, x.name AS exchange_name,
       coalesce(r.date, toString(r.first_seen)) AS date, r.status AS status,
       r.event_id AS event_id, size(r.sources) AS sources
ORDER BY actor_name, actor_id, action, exchange_id, event_id
LIMIT $limit

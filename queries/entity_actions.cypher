// name: entity_actions
// description: The actions an entity took (as actor) and received (as target), one row per
//   event, with the other party, the action's date (YYYY[-MM[-DD]]) and status (active or
//   ended, and how), the dates first and last reported and the number of supporting articles.
// params: id:str, limit:int[1..500]=100
// example: :param id => 'centralbank:peoples-bank-of-china'
// example: :param limit => 100
MATCH (e:Entity {id: $id})-[r:BANNED|BLOCKED|FINED|SUED|INVESTIGATED|WARNED|LICENSED]-(other:Entity)
WITH r, other, CASE WHEN startNode(r) = e THEN 'taken' ELSE 'received' END AS role
RETURN role, type(r) AS action, other.id AS other_id, other.name AS other_name,
       other.type AS other_type, other.count AS other_count,
       r.date AS date, r.status AS status, r.ended_how AS ended_how,
       toString(r.first_seen) AS first_seen, toString(r.last_seen) AS last_seen,
       size(r.sources) AS sources, r.event_id AS event_id
ORDER BY role, action, other_id, event_id
LIMIT $limit

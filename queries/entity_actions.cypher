// name: entity_actions
// description: The actions an entity took (as actor) and received (as target), with the
//   other party, the dates first and last reported and the number of supporting articles.
// params: id:str, limit:int[1..500]=100
// example: :param id => 'centralbank:peoples-bank-of-china'
// example: :param limit => 100
MATCH (e:Entity {id: $id})-[r:BANNED|BLOCKED|FINED|SUED|INVESTIGATED|WARNED|LICENSED]-(other:Entity)
WITH r, other, CASE WHEN startNode(r) = e THEN 'taken' ELSE 'received' END AS role
RETURN role, type(r) AS action, other.id AS other_id, other.name AS other_name,
       other.type AS other_type, other.count AS other_count,
       toString(r.first_seen) AS first_seen, toString(r.last_seen) AS last_seen,
       size(r.sources) AS sources
ORDER BY role, action, other_id
LIMIT $limit

// name: regulators_by_actions
// description: Actors of one entity type (Regulator unless told otherwise) ranked by the
//   number of actions they took, optionally of one action type, with distinct targets.
// params: type:entity_type='Regulator', action:action_type=null, limit:int[1..100]=20
// example: :param type => 'Regulator'
// example: :param action => null
// example: :param limit => 20
MATCH (actor:Entity)-[r:BANNED|BLOCKED|FINED|SUED|INVESTIGATED|WARNED|LICENSED]->(target:Entity)
WHERE actor.type = $type AND ($action IS NULL OR type(r) = $action)
WITH actor, count(r) AS actions, count(DISTINCT target) AS targets
RETURN actor.id AS id, actor.name AS name, actor.type AS type, actions, targets
ORDER BY actions DESC, name, id
LIMIT $limit

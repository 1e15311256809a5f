// name: most_sanctioned_exchanges
// description: Named exchanges ranked by the adverse actions (anything but LICENSED) taken
//   against them, with the number of distinct actors and of distinct action types.
// params: limit:int[1..100]=10
// example: :param limit => 10
MATCH (actor:Entity)-[r:BANNED|BLOCKED|FINED|SUED|INVESTIGATED|WARNED]->(x:Entity:Exchange)
WHERE NOT coalesce(x.unnamed, false)
WITH x, count(r) AS actions, count(DISTINCT actor) AS actors, count(DISTINCT type(r)) AS kinds
RETURN x.id AS id, x.name AS name, actions, actors, kinds AS action_types
ORDER BY actions DESC, actors DESC, name, id
LIMIT $limit

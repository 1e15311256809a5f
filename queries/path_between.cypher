// name: path_between
// description: The shortest chains of facts between two entities, ignoring direction and
//   passing only through entities (not articles or alias nodes); one row per path.
// params: from_id:str, to_id:str, max_length:int[1..6]=4, limit:int[1..100]=25
// example: :param from_id => 'exchange:okx'
// example: :param to_id => 'centralbank:peoples-bank-of-china'
// example: :param max_length => 4
// example: :param limit => 25
MATCH (a:Entity {id: $from_id}), (b:Entity {id: $to_id})
WHERE a <> b
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE all(n IN nodes(p) WHERE n:Entity) AND length(p) <= $max_length
WITH p, [n IN nodes(p) | n.id] AS ids,
     [r IN relationships(p) | [startNode(r).id, type(r), endNode(r).id]] AS edges
RETURN length(p) AS length, ids, [n IN nodes(p) | n.name] AS names, edges
ORDER BY length, ids, [e IN edges | e[0] + ' ' + e[1] + ' ' + e[2]]
LIMIT $limit

// name: co_mentioned
// description: Entities mentioned in the same articles as the given one, by the number of
//   articles they share.
// params: id:str, limit:int[1..100]=20
// example: :param id => 'exchange:okx'
// example: :param limit => 20
MATCH (e:Entity {id: $id})-[:MENTIONED_IN]->(a:Article)<-[:MENTIONED_IN]-(other:Entity)
WHERE other <> e
WITH other, count(DISTINCT a) AS shared
RETURN other.id AS id, other.name AS name, other.type AS type, shared AS articles
ORDER BY articles DESC, name, id
LIMIT $limit

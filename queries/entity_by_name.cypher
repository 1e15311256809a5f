// name: entity_by_name
// description: Entities whose canonical name or one of whose aliases equals the given text,
//   ignoring case (so 'Ou Yi' finds OKX and 'pboc' the People's Bank of China); named
//   entities first, then by name.
// params: name:str, type:entity_type=null, limit:int[1..100]=20
// example: :param name => 'Ou Yi'
// example: :param type => null
// example: :param limit => 20
MATCH (e:Entity)
WHERE ($type IS NULL OR e.type = $type)
  AND (toLower(e.name) = toLower($name)
       OR EXISTS { MATCH (a:Alias)-[:ALIAS_OF]->(e) WHERE toLower(a.name) = toLower($name) })
RETURN e.id AS id, e.name AS name, e.type AS type,
       coalesce(e.unnamed, false) AS unnamed, e.count AS count,
       COUNT { (e)-[:MENTIONED_IN]->(:Article) } AS articles
ORDER BY unnamed, name, id
LIMIT $limit

// name: aliases_of
// description: Every alias of an entity with its kind (translation, abbreviation, former
//   name, descriptive, ...).
// params: id:str
// example: :param id => 'exchange:okx'
MATCH (a:Alias)-[:ALIAS_OF]->(e:Entity {id: $id})
RETURN a.name AS alias, a.kind AS kind
ORDER BY alias, kind

// name: fact_sources
// description: The articles behind the facts from one entity to another (optionally of one
//   relation type): each supporting article with its title, publisher, date and the sentence
//   that states the fact.
// params: source:str, target:str, type:relation_type=null
// example: :param source => 'centralbank:peoples-bank-of-china'
// example: :param target => 'jurisdiction:china'
// example: :param type => null
MATCH (s:Entity {id: $source})-[r]->(t:Entity {id: $target})
WHERE $type IS NULL OR type(r) = $type
UNWIND range(0, size(r.sources) - 1) AS i
OPTIONAL MATCH (a:Article {id: r.sources[i]})
RETURN type(r) AS relation, r.event_id AS event_id, r.sources[i] AS article_id,
       a.title AS title, a.publisher AS publisher, a.url AS url,
       toString(a.published) AS published, r.evidence[i] AS evidence
ORDER BY relation, event_id, article_id

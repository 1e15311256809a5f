// name: entity_fines
// description: An entity's fines and settlements summed per currency (amounts in different
//   currencies are never added up), with the number of fines and their event ids; fines
//   with no stated amount or currency are counted in one row with currency and total null.
// params: id:str
// example: :param id => 'exchange:kucoin'
MATCH (:Entity)-[r:FINED]->(:Entity {id: $id})
WITH r, CASE WHEN r.amount IS NULL OR coalesce(r.currency, '') = '' THEN null
             ELSE toUpper(r.currency) END AS currency
ORDER BY r.event_id
WITH currency, count(r) AS fines, sum(r.amount) AS total, collect(r.event_id) AS event_ids
RETURN currency, fines, CASE WHEN currency IS NULL THEN null ELSE total END AS total, event_ids
ORDER BY currency

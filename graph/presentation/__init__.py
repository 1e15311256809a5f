"""How the graph looks: one colour per type and relation, the Neo4j Browser style."""

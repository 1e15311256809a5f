"""The embedded store: SQLite for durability, a networkx view for traversal."""

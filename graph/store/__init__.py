"""The graph's stores: the Protocol every backend meets, the checks they share, the factory."""

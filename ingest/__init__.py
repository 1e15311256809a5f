"""Reading news articles and extracting the crypto-regulation facts they state."""

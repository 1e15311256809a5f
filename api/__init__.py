"""The HTTP API over either store."""

"""The top layer: the `cryptoreg` command (`cli.py`) and the HTTP API over either store."""

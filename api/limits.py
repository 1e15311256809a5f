"""Request body size limit, enforced before the body is read.

A declared Content-Length over the limit is refused at once (413) without reading a
byte; a body without one (chunked) is counted as it streams and cut off at the limit.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import PayloadTooLargeError
from api.problems import PROBLEM_BASE, PROBLEM_MEDIA_TYPE


class BodySizeLimit:
    """ASGI middleware: 413 problem+json for request bodies over `max_bytes`."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._refuse(scope, send, f"{declared} bytes declared")
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise PayloadTooLargeError(self._detail("the body streamed past it"))
            return message

        await self.app(scope, counted, send)

    def _detail(self, what: str) -> str:
        return (
            f"request body over the limit of {self.max_bytes} bytes ({what}); "
            "raise CRYPTOREG_MAX_BODY_BYTES or send fewer articles per request"
        )

    async def _refuse(self, scope: Scope, send: Send, what: str) -> None:
        body = json.dumps(
            {
                "type": PROBLEM_BASE + "payload-too-large",
                "title": "Payload too large",
                "status": 413,
                "detail": self._detail(what),
                "instance": scope.get("path", ""),
            }
        ).encode("utf-8")
        headers = [
            (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
        ]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None

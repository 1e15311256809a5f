"""Offline API docs: Swagger UI served from the `swagger-ui-bundle` package, no CDN.

The bundled Swagger UI (4.x) renders OpenAPI 3.0 only, while FastAPI writes 3.1, so
`/docs` reads `/openapi-3.0.json`, a down-converted copy (nullable instead of null
types, `example` instead of `examples` in schemas). `/openapi.json` stays the canonical
3.1 document that clients and schemathesis use.
"""

from __future__ import annotations

import copy
from typing import Any

import swagger_ui_bundle
from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

SWAGGER_STATIC = "/static/swagger"
SWAGGER_30_URL = "/openapi-3.0.json"


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """`anyOf: [X, {type: null}]` becomes X with `nullable: true` (3.0's spelling)."""
    options = schema.get("anyOf")
    if not isinstance(options, list):
        return schema
    rest = [o for o in options if o != {"type": "null"}]
    if len(rest) == len(options):
        return schema
    out = {k: v for k, v in schema.items() if k != "anyOf"}
    if len(rest) == 1 and "$ref" not in rest[0]:
        out.update(rest[0])
    elif len(rest) == 1:
        out["allOf"] = rest
    else:
        out["anyOf"] = rest
    out["nullable"] = True
    return out


def to_openapi30(node: Any) -> Any:
    """A 3.1 document (or any part of it) rewritten in the 3.0 dialect Swagger UI 4 reads."""
    if isinstance(node, list):
        return [to_openapi30(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = _nullable(node)
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "examples" and isinstance(value, list):
            if value:
                out["example"] = to_openapi30(value[0])
        elif key == "const":
            out["enum"] = [value]
        elif key == "type" and isinstance(value, list):
            kinds = [t for t in value if t != "null"]
            out["type"] = kinds[0] if kinds else "string"
            out["nullable"] = out.get("nullable", False) or "null" in value
        elif key in ("exclusiveMinimum", "exclusiveMaximum") and not isinstance(value, bool):
            out["minimum" if key == "exclusiveMinimum" else "maximum"] = value
            out[key] = True
        elif key in ("contentMediaType", "contentEncoding", "$schema"):
            continue
        else:
            out[key] = to_openapi30(value)
    return out


def install_docs(app: FastAPI, title: str) -> None:
    """Mount the Swagger assets and add `/docs` and `/openapi-3.0.json` (hidden from the spec)."""
    app.mount(
        SWAGGER_STATIC,
        StaticFiles(directory=swagger_ui_bundle.swagger_ui_path),
        name="swagger-static",
    )

    @app.get(SWAGGER_30_URL, include_in_schema=False)
    def openapi_30() -> JSONResponse:
        doc = to_openapi30(copy.deepcopy(app.openapi()))
        doc["openapi"] = "3.0.3"
        return JSONResponse(doc)

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=SWAGGER_30_URL,
            title=f"{title} - API docs",
            swagger_js_url=f"{SWAGGER_STATIC}/swagger-ui-bundle.js",
            swagger_css_url=f"{SWAGGER_STATIC}/swagger-ui.css",
            swagger_favicon_url=f"{SWAGGER_STATIC}/favicon-32x32.png",
            swagger_ui_parameters={"defaultModelsExpandDepth": 0, "tryItOutEnabled": True},
        )

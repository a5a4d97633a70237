"""The web surface's guards, as one ASGI middleware.

- Host allow-list: a page on another site cannot reach us through DNS rebinding.
- State-changing requests need the per-server token (served in the page's meta tag, sent back
  as ``X-Wirecoder-Token``) AND, when the browser says where it comes from, the same origin.
- Request size limits: body (declared or streamed), URL length.
- Security headers on every response, including a CSP with no inline script.
"""
from __future__ import annotations

import hmac
import json
from typing import Iterable

TOKEN_HEADER = "x-wirecoder-token"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
MAX_BODY = 64 * 1024
MAX_URL = 8 * 1024

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
       "connect-src 'self'; worker-src 'self' blob:; child-src blob:; font-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


def _host_only(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class SecurityMiddleware:
    def __init__(self, app, token: str, allowed_hosts: Iterable[str] = ("127.0.0.1", "localhost",
                 "::1"), max_body: int = MAX_BODY, max_url: int = MAX_URL):
        self.app = app
        self.token = token
        self.allowed_hosts = {h.lower() for h in allowed_hosts}
        self.max_body = max_body
        self.max_url = max_url

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}

        async def send_secure(message):
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message = dict(message)
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in have]
            await send(message)

        host = _host_only(headers.get("host", ""))
        if "*" not in self.allowed_hosts and host not in self.allowed_hosts:
            return await _deny(send_secure, 400, "unknown Host header")
        url_len = len(scope.get("path", "")) + len(scope.get("query_string", b""))
        if url_len > self.max_url:
            return await _deny(send_secure, 414, "request URL too long")
        method = scope.get("method", "GET").upper()
        if method not in SAFE_METHODS:
            problem = self.check_state_change(headers, scope)
            if problem:
                return await _deny(send_secure, 403, problem)
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.isdigit():
                return await _deny(send_secure, 400, "bad Content-Length")
            if int(declared) > self.max_body:
                return await _deny(send_secure, 413, f"request body over {self.max_body} bytes")
        received = 0
        denied = False
        started = False

        async def guarded_send(message):
            nonlocal started
            if denied:
                return  # we already answered 413; the app's late response is dropped
            if message["type"] == "http.response.start":
                started = True
            await send_secure(message)

        async def limited_receive():
            nonlocal received, denied
            if denied:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body and not started:
                    # Answer now and tell the app the client left, so it stops reading.
                    await _deny(send_secure, 413, f"request body over {self.max_body} bytes")
                    denied = True
                    return {"type": "http.disconnect"}
            return message

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not denied:
                raise

    def check_state_change(self, headers: dict[str, str], scope) -> str | None:
        token = headers.get(TOKEN_HEADER, "")
        if not token or not hmac.compare_digest(token.encode(), self.token.encode()):
            return "missing or wrong X-Wirecoder-Token"
        origin = headers.get("origin")
        if origin is not None:
            expected = {f"{scope.get('scheme', 'http')}://{headers.get('host', '')}".lower()}
            if origin.lower() not in expected:
                return "cross-origin request refused"
        site = headers.get("sec-fetch-site")
        if site is not None and site not in ("same-origin", "none"):
            return "cross-site request refused"
        return None


async def _deny(send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})

"""The web surface: tokens, origins, hosts, sizes, traversal, headers, binding."""
from __future__ import annotations

from click.testing import CliRunner

from webconst import BASE, TOKEN, write_headers


def _eid(client) -> str:
    return client.get("/api/events").json()["events"][0]["id"]


def test_review_needs_token(client):
    eid = _eid(client)
    r = client.post(f"/api/events/{eid}/review", json={"action": "accept"})
    assert r.status_code == 403
    r = client.post(f"/api/events/{eid}/review", json={"action": "accept"},
                    headers={"X-Wirecoder-Token": "wrong", "Origin": BASE})
    assert r.status_code == 403
    assert client.get(f"/api/events/{eid}").json()["review_status"] == "auto"


def test_review_refuses_foreign_origin(client):
    eid = _eid(client)
    for origin in ("http://evil.example", "http://127.0.0.1:9999", "null"):
        r = client.post(f"/api/events/{eid}/review", json={"action": "accept"},
                        headers={"X-Wirecoder-Token": TOKEN, "Origin": origin})
        assert r.status_code == 403, origin
    r = client.post(f"/api/events/{eid}/review", json={"action": "accept"},
                    headers={"X-Wirecoder-Token": TOKEN, "Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403
    assert client.get(f"/api/events/{eid}").json()["reviews"] == []
    # same origin with the token works
    assert client.post(f"/api/events/{eid}/review", json={"action": "accept"},
                       headers=write_headers()).status_code == 200


def test_unknown_host_refused(client):
    # DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends Host: evil.example
    r = client.get("/api/events", headers={"Host": "evil.example:8765"})
    assert r.status_code == 400
    assert client.get("/api/events", headers={"Host": "localhost:8765"}).status_code == 200


def test_body_and_url_size_limits(client):
    eid = _eid(client)
    big = {"action": "edit", "changes": {"note": "x" * 100_000}}
    r = client.post(f"/api/events/{eid}/review", json=big, headers=write_headers())
    assert r.status_code == 413

    def chunks():  # no Content-Length: the streamed body is counted
        for _ in range(100):
            yield b"x" * 1024

    r = client.post(f"/api/events/{eid}/review", content=chunks(),
                    headers=write_headers() | {"content-type": "application/json"})
    assert r.status_code == 413
    assert client.get("/api/events", params={"actor": "a" * 9000}).status_code == 414


def test_no_path_traversal(client, tmp_path):
    for path in ("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
                 "/assets/../../../../etc/passwd", "/api/export.csv/../../etc/passwd",
                 "/%2e%2e%2f%2e%2e%2fpyproject.toml", "/....//....//etc/passwd"):
        r = client.get(path)
        assert r.status_code in (404, 400), path
        assert "root:" not in r.text


def test_static_route_resolution_stays_in_dist(tmp_path, db_path):
    from fastapi.testclient import TestClient

    from wirecoder.web.app import create_app

    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<html><head><title>t</title></head><body></body></html>")
    (dist / "assets" / "app.js").write_text("console.log(1)")
    (tmp_path / "secret.txt").write_text("secret")
    app = create_app(db_path, token=TOKEN, static_dir=dist)
    with TestClient(app, base_url=BASE) as c:
        assert c.get("/assets/app.js").text == "console.log(1)"
        assert c.get("/assets/app.js").headers["content-type"].startswith(("text/javascript",
                                                                           "application/javascript"))
        assert c.get("/../secret.txt").status_code == 404
        assert c.get("/assets/..%2f..%2fsecret.txt").status_code == 404
        page = c.get("/").text
        assert f'<meta name="wirecoder-token" content="{TOKEN}">' in page


def test_security_headers_everywhere(client):
    for path in ("/", "/api/events", "/api/nothing-here"):
        h = client.get(path).headers
        csp = h["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert h["x-content-type-options"] == "nosniff"
        assert h["x-frame-options"] == "DENY"


def test_serve_refuses_non_loopback(db_path):
    from wirecoder.web.cli import _is_loopback, serve

    assert _is_loopback("127.0.0.1") and _is_loopback("::1") and _is_loopback("localhost")
    assert not _is_loopback("0.0.0.0") and not _is_loopback("192.168.1.5")
    r = CliRunner().invoke(serve, ["--db", str(db_path), "--host", "0.0.0.0"])
    assert r.exit_code == 2 and "refusing to bind" in r.output
    r = CliRunner().invoke(serve, ["--db", "/nonexistent/x.db"])
    assert r.exit_code == 1 and "no database" in r.output


def test_serve_default_host_is_loopback():
    from wirecoder.web.cli import serve

    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"

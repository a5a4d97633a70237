"""Constants the web tests share (a module of its own: `conftest` names clash across folders)."""
TOKEN = "test-token-123"
BASE = "http://127.0.0.1:8765"


def write_headers() -> dict[str, str]:
    return {"X-Wirecoder-Token": TOKEN, "Origin": BASE}

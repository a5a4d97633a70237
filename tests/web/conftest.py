from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from factory import make_db  # noqa: E402

from webconst import BASE, TOKEN, write_headers  # noqa: F401


@pytest.fixture()
def db_path(tmp_path) -> Path:
    return make_db(tmp_path / "web.db")


@pytest.fixture()
def client(db_path):
    from fastapi.testclient import TestClient

    from wirecoder.web.app import create_app

    app = create_app(db_path, token=TOKEN)
    with TestClient(app, base_url=BASE) as c:
        yield c



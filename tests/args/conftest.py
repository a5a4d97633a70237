import pytest


@pytest.fixture(scope="session")
def nlp():
    from wirecoder.nlp import load_nlp

    return load_nlp()

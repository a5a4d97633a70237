import pytest


@pytest.fixture(scope="session")
def gaz():
    """The real gazetteer (built once into the user cache on first use)."""
    from wirecoder.resolve.gazetteer import get_gazetteer

    return get_gazetteer()


@pytest.fixture(scope="session")
def nlp():
    from wirecoder.nlp import load_nlp

    return load_nlp()

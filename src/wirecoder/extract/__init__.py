"""Extract stage: spans of interest in a spaCy Doc (dates, quantities, attributions, actors).

Pure functions over a Doc; resolution to canonical values happens in ``resolve/``.
"""

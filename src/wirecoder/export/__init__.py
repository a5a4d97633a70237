"""Export stage: the extract JSON contract, ACLED-style CSV, GeoJSON and more."""

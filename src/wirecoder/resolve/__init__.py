"""Resolve stage: mentions to canonical places (GeoNames), actors and dates."""

"""The checks: schema validation, then the rule catalogue, per target."""

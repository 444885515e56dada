"""spaCy pipelines: loaded once per process, with Allegiance's own components added."""

"""Reading input files: safe YAML that remembers where each value was written, and validation
errors turned into located problems."""

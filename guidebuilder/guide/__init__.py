"""The guide: its YAML read with positions, validated into the content model, Markdown as runs."""

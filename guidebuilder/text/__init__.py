"""The text layer both renderers share: measuring, wrapping, fitting and shortening text."""

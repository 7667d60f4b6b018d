"""The plan: the layout-neutral document built from a guide, and the layout rules both
renderers share."""

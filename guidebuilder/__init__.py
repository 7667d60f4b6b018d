"""guidebuilder: role descriptions in YAML become a PDF handbook and a PowerPoint deck."""

__version__ = "0.1.0"

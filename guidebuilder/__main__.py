"""Allow ``python -m guidebuilder``."""

from guidebuilder.cli import main

main()

"""Baseline for ``--help``: a bare two-command Typer app."""

import typer

app = typer.Typer(add_completion=False, rich_markup_mode=None)


@app.command()
def build(name: str = "x") -> None:
    """Build something."""


@app.command()
def check(name: str = "x") -> None:
    """Check something."""


if __name__ == "__main__":
    app()

"""The deck's slide kinds, one module each: what a kind shows, its fit test and its drawing."""

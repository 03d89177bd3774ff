"""Speed and scale benchmark (see bench/README.md)."""

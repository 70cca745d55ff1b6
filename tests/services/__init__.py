"""Real services for the tests: install them when missing, run them on loopback."""

"""The survey designer: tree, properties, logic, choices and a live preview."""

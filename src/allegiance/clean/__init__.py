"""Turn raw article text into clean body text (boilerplate removed, offsets reported)."""

"""Pure builders: processed frames -> figures, elements, panels. No callbacks here."""

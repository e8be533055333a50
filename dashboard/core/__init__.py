"""The data core: reading, validating, dating and building data packages. No Dash here."""

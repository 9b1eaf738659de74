"""The HTML site: in come the sources and compiled catalogues through Sphinx; out go
one HTML tree per language, with the theme, the pages made from data and the front door."""

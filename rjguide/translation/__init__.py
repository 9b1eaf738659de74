"""Translation: in come the message templates and the catalogues; out go updated
catalogues, progress figures, badges and the interface strings of every language."""

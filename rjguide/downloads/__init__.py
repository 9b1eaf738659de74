"""Downloads that are not rendered PDFs: in come the rendered documents and the termbase;
out go training packs, glossary exports and the downloads page that lists them all."""

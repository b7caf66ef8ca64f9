"""Repeatable build of ``gazetteer/data/`` from registry packages (``python -m gazetteer.build``)."""

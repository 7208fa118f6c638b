"""The project: the systems under specs/ (``systems``) and what a manifest says (``manifest``)."""

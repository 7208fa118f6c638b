"""The generate half: a normalized spec -> a client package on disk.

``generate`` runs it: the client model (``generator.client``), ``models_codegen`` (pydantic
models through datamodel-code-generator: ``models_prepare`` readies the schemas,
``models_patch`` mends the output), ``render`` (the Jinja templates, with ``readme_choices``
choosing what the README examples show), ``formatting`` (ruff, ``generated_ruff.toml``), then
the files.
"""

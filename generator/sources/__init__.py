"""Sources: reading the files of one description (``source_files``), telling its format
(``detect``), and the loaders: one per input format, each turning a source file into an
OpenAPI-shaped document.

The contract every loader keeps (the bundler and normalizer rely on it):

- ``load(path, files, warnings) -> dict`` where ``path`` is the absolute root file, ``files``
  the ``SourceFiles`` that confines and parses every file read and ``warnings`` where what is
  left out on the way is reported (every loader takes all three, used or not).
- The result is an OpenAPI 3.x document (``openapi``, ``info``, ``paths``, ``components``...).
  Its schemas may still use any JSON Schema draft (draft-04 idioms are fine: the normalizer
  converts them).
- References to other files stay references: ``{"$ref": "<path>#<fragment>"}`` with the path
  relative to the folder of ``path`` (the root file). The bundler pulls them in and names them.
  ``#/...`` references point into the returned document itself.
- An example value that lives in another file is given as ``{"$ref": "<path>"}`` in the
  ``example`` position, so that the normalizer can name that file when the example is invalid.
- Bad input raises ``SpecError`` naming the file and the line or JSON pointer.
"""

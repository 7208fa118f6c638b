"""The client side's model: what a package holds (``client_model``), built from a normalized spec
(``client_model_build``) with Python names (``naming``) and code text made one way (``code``).
"""

"""The reading of target cells, one step per module (the public entry points are in
:mod:`kinerja_target.parse`):

* ``vocabulary``: the closed word classes (qualifiers, range words, magnitudes, fillers);
* ``wording``: what an indicator's wording asks of its target (``expectation_for``);
* ``repair``: Unicode normalisation, layout and OCR repair;
* ``tokens``: the tokens of a cell;
* ``fastpath``: the shapes most cells take, one regular expression each, and ``amounts``:
  what the words after a number make of it (decided once per spelling), and the value;
* ``grammar``: the whole grammar, and the pipeline for cells that are not simple;
* ``plausibility``: the wording applied to a value, and what no target can be.
"""

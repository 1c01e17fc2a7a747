"""A hypothesis strategy shared by the container tests: a grid of cells with merges."""

from __future__ import annotations

from hypothesis import strategies as st

Spans = dict[tuple[int, int], tuple[int, int]]


def merged_grids(
    cell: st.SearchStrategy[str], *, height: int, width: int
) -> st.SearchStrategy[tuple[list[list[str]], Spans]]:
    """Grids of up to ``height`` x ``width`` cells drawn from ``cell``, with merges that do
    not overlap: ``(rows, {anchor: (rowspan, colspan)})``, every cell covered once."""

    @st.composite
    def grids(draw: st.DrawFn) -> tuple[list[list[str]], Spans]:
        rows_n = draw(st.integers(1, height))
        cols_n = draw(st.integers(1, width))
        rows = [[draw(cell) for _ in range(cols_n)] for _ in range(rows_n)]
        taken: set[tuple[int, int]] = set()
        spans: Spans = {}
        for r in range(rows_n):
            for c in range(cols_n):
                if (r, c) in taken:
                    continue
                down = draw(st.integers(1, rows_n - r))
                across = draw(st.integers(1, cols_n - c))
                slots = {(r + i, c + j) for i in range(down) for j in range(across)}
                if slots & taken:
                    down, across, slots = 1, 1, {(r, c)}
                taken |= slots
                spans[(r, c)] = (down, across)
        return rows, spans

    return grids()

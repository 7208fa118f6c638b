"""Strongly connected components: what a node points to comes first, cycles are one
component, and a chain longer than Python's recursion limit is no problem."""

from __future__ import annotations

import sys

from generator.shared.graphs import strongly_connected


def test_a_cycle_is_one_component_after_what_it_points_to() -> None:
    edges = {"job": ["files", "node"], "node": ["tree"], "tree": ["node"], "files": []}
    components = strongly_connected(edges)
    assert sorted(map(sorted, components)) == [["files"], ["job"], ["node", "tree"]]
    order = {node: i for i, component in enumerate(components) for node in component}
    assert order["files"] < order["job"] and order["tree"] < order["job"]


def test_a_node_only_pointed_to_is_a_component_too() -> None:
    assert strongly_connected({"a": ["b"]}) == [["b"], ["a"]]


def test_a_chain_deeper_than_the_recursion_limit() -> None:
    length = sys.getrecursionlimit() * 3
    components = strongly_connected({n: [n + 1] for n in range(length)})
    assert len(components) == length + 1
    assert components[0] == [length] and components[-1] == [0]

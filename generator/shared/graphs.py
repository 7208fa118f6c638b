"""Strongly connected components of a directed graph (who refers to whom, among schemas or the
statements of a module)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

Node = TypeVar("Node", bound=Hashable)


def strongly_connected(edges: Mapping[Node, Iterable[Node]]) -> list[list[Node]]:
    """The strongly connected components of ``edges`` (node -> the nodes it points to), each
    after every component it points to: what a node refers to comes first.

    Tarjan's algorithm without recursion: a spec's chain of references can be thousands long,
    deeper than Python's recursion limit. A node only pointed to is a node too. Deterministic:
    nodes are visited in the order given, successors in their order.
    """
    successors: dict[Node, list[Node]] = {}
    for node, targets in edges.items():
        successors.setdefault(node, [])
        for target in targets:
            successors[node].append(target)
            successors.setdefault(target, [])
    index: dict[Node, int] = {}
    low: dict[Node, int] = {}
    on_stack: set[Node] = set()
    stack: list[Node] = []
    found: list[list[Node]] = []
    for start in successors:
        if start in index:
            continue
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        work = [(start, iter(successors[start]))]
        while work:
            node, pending = work[-1]
            for successor in pending:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(successors[successor])))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    found.append(component[::-1])
    return found

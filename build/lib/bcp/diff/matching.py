"""Matching the items of two versions of a list: by key, and which ones moved."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Hashable, Sequence
from typing import Any


def reordered(old_order: Sequence[Hashable], new_order: Sequence[Hashable]) -> list[Hashable]:
    """Items kept in both orders whose position relative to the others changed."""
    old_set, new_set = set(old_order), set(new_order)
    common_old = [k for k in old_order if k in new_set]
    common_new = [k for k in new_order if k in old_set]
    matcher = difflib.SequenceMatcher(None, common_old, common_new, autojunk=False)
    stable = {k for block in matcher.get_matching_blocks() for k in common_new[block.b: block.b + block.size]}
    return [k for k in common_new if k not in stable]


def match_by_key(old: Sequence, new: Sequence, key: Callable[[Any], Hashable], pair_leftovers: bool = False):
    """Match list items by key: (added, removed, [(old, new)]).

    With pair_leftovers, one unmatched old item and one unmatched new item at the
    same place are taken as the same row renamed (rows keyed by their text)."""
    old_keys = {key(item): item for item in old}
    new_keys = {key(item): item for item in new}
    pairs = [(old_keys[k], item) for k, item in new_keys.items() if k in old_keys]
    removed = [item for k, item in old_keys.items() if k not in new_keys]
    added = [item for k, item in new_keys.items() if k not in old_keys]
    if pair_leftovers and removed and added:
        single = len(removed) == len(added) == 1
        for old_item, new_item in list(zip(removed, added)):
            if single or old.index(old_item) == new.index(new_item):
                pairs.append((old_item, new_item))
                removed.remove(old_item)
                added.remove(new_item)
    return added, removed, pairs

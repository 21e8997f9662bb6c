"""find_place on the tiny dataset: the three tiers (full name, name without brackets, unique substring)."""
from __future__ import annotations

import pytest

from network import find_place
from network.errors import UnknownPlaceError


def test_full_names_and_ids(mini):
    assert find_place("甲城", data_dir=mini) == "seat-a"
    assert find_place("  a TOWN ", data_dir=mini) == "seat-a"          # case and spaces ignored
    assert find_place("st-c", data_dir=mini) == "st-c"


def test_unique_substring_of_three_or_more_characters(mini):
    assert find_place("城机场", data_dir=mini) == "ap-a"                 # only 甲城机场 contains it
    assert find_place("far ci", data_dir=mini) == "gw-far"             # 'Far City', spaces and case ignored
    assert find_place("三号旧", data_dir=mini) == "site-3"


def test_exact_name_wins_over_substring(mini):
    # 甲城 is also inside 甲城站 and 甲城机场, but it is a full name
    assert find_place("甲城", data_dir=mini) == "seat-a"


def test_ambiguous_substring_lists_every_candidate(mini):
    with pytest.raises(UnknownPlaceError, match="ambiguous") as exc:
        find_place("号旧址", data_dir=mini)
    msg = str(exc.value)
    assert all(f"site-{i}" in msg for i in (1, 2, 3, 4))
    with pytest.raises(UnknownPlaceError, match="ambiguous") as exc:
        find_place("town", data_dir=mini)  # in A Town, B Town and the name_en of town-c and town-e
    assert "丙镇 (town-c" in str(exc.value) and "戊镇 (town-e" in str(exc.value)


def test_short_queries_do_not_match_by_substring(mini):
    # 2 characters: 镇站 is in 丙镇站 and 戊镇站, 远 alone is in 远方 only, but neither tier 3 applies
    with pytest.raises(UnknownPlaceError, match="unknown place '远'"):
        find_place("远", data_dir=mini)
    with pytest.raises(UnknownPlaceError, match="unknown place") as exc:
        find_place("镇站", data_dir=mini)
    assert "丙镇站" in str(exc.value) and "戊镇站" in str(exc.value)  # close matches still offered


def test_layers_limit_the_substring_tier(mini):
    assert find_place("城机场", data_dir=mini, layers=("airports",)) == "ap-a"
    with pytest.raises(UnknownPlaceError):
        find_place("城机场", data_dir=mini, layers=("places",))

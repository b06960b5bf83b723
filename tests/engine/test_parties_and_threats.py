"""Specification: a provider that has already acted on the need-giver ("a law firm sent us a demand letter") and
what the need-giver is threatened with ("threatening an ADA lawsuit") are the need's situation, not the work it
asks for (engine/readers/context.py): they do not decide the industry when the need tells what it is about."""

from __future__ import annotations

from functools import lru_cache

from mwbe_match import MatchConfig
from mwbe_match.engine.readers import EnglishReader

CONFIG = MatchConfig()
ADA_NEED = ("A law firm sent us a demand letter saying blind visitors cannot use our online store and "
            "threatening an ADA lawsuit. We honestly don't know what is wrong with our website.")


@lru_cache(maxsize=1)
def english() -> EnglishReader:
    return EnglishReader().for_index(None)


def hinted(text: str) -> set[str]:
    return {prefix for hints in english().read(text, CONFIG).hint_sets for prefix in hints}


def hints_at(text: str, prefix: str) -> bool:
    return any(p.startswith(prefix) or prefix.startswith(p) for p in hinted(text))


def test_a_provider_that_sent_us_a_letter_is_who_we_dealt_with_and_the_website_problem_keeps_its_industry():
    assert hints_at(ADA_NEED, "54151")  # web developers, the situation told


def test_what_we_are_threatened_with_does_not_replace_the_problem_told():
    text = "Blind visitors cannot use our online store and a customer is threatening a lawsuit."
    assert hints_at(text, "54151")


def test_a_provider_asked_for_stays_the_ask():
    assert hints_at("We need a law firm to review our lease.", "5411")
    assert hints_at("Our accountant quit; we need an accountant for payroll and taxes.", "5412")


def test_a_lawsuit_asked_about_without_a_threat_still_reads_as_legal_work():
    assert hints_at("We need help defending a lawsuit from a former employee.", "5411")


def test_a_provider_that_acted_on_us_in_a_need_of_nothing_else_keeps_its_industry():
    assert hints_at("A plumber told us our pipes are old.", "2382")

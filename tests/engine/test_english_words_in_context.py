"""Specification of English words that look like a trade's word but mean something else where they stand: a letter
received is no cake lettering, a trademark application no installation work, certificates a service comes with no
printing, staff interviews filmed for a video no recruiting, a product's model name ("FM-200") no facility
management. Each reads as what it is, or as nothing of its own."""

from __future__ import annotations

from functools import lru_cache

from mwbe_match import MatchConfig
from mwbe_match.engine.readers import EnglishReader

CONFIG = MatchConfig()


@lru_cache(maxsize=1)
def english() -> EnglishReader:
    return EnglishReader().for_index(None)


def read(text: str):
    return english().read(text, CONFIG)


def hints_at(text: str, prefix: str) -> bool:
    return any(p.startswith(prefix) or prefix.startswith(p) for hints in read(text).hint_sets for p in hints)


def searched(text: str) -> set[str]:
    return {w.word for w in read(text).words}


def test_that_the_law_requires_a_thing_says_why_it_is_needed_not_that_legal_services_are_asked_for():
    text = "Annual harassment prevention training for our staff, interactive and live as New York law requires"
    assert not hints_at(text, "5411") and hints_at(text, "6114")
    assert hints_at("We need an employment law attorney", "5411")


def test_certificates_a_service_comes_with_are_no_printing_and_no_certification_work():
    for text in ("Harassment prevention training with attendance records and certificates",
                 "Kitchen exhaust hood cleaning to NFPA 96 with certificate stickers"):
        assert not hints_at(text, "323"), text
        assert "accreditation" not in searched(text), text
    assert hints_at("Certificate printing for our awards night", "323")
    assert hints_at("Certificates of insurance naming the City as additional insured", "524")


def test_words_sharing_a_stem_with_a_trade_read_no_trade_where_they_mean_something_else():
    assert "cake" not in searched("We got a letter from the state saying we owe sales tax")
    assert not hints_at("We didn't know we had to collect sales tax on our online sales", "5614")
    assert not hints_at("We didn't know we had to collect sales tax on our online sales", "492")
    assert "installation" not in searched("Trademark attorney to file USPTO applications for our brand names")
    assert not hints_at("Film and edit a company video with staff interviews", "5613")
    assert hints_at("Recruiter to run job interviews and screen candidates", "5613")
    assert not searched("A DJ with sound system for our year-end party") & {"writer", "copywriting", "mural"}


def test_model_names_and_features_read_as_the_system_they_belong_to():
    assert not hints_at("A clean-agent (FM-200 or Novec 1230) fire suppression system", "5612")
    assert hints_at("A clean-agent (FM-200) fire suppression system for the server room", "23822")
    assert not searched("A cloud VoIP phone system with a Korean/English auto-attendant") & {"automotive", "car"}
    assert hints_at("OSHA forklift certification training for 15 operators", "6114")
    assert not hints_at("OSHA forklift certification training for 15 operators", "5324")


def test_a_modifier_of_what_is_bought_reads_with_it():
    assert hints_at("New ergonomic furniture for 40 workstations", "4232")
    assert not hints_at("New ergonomic furniture for 40 workstations", "54169")
    assert hints_at("A lighted logo sign on the wall behind the reception desk", "3399")
    assert not searched("Frosted glass partitions for the meeting rooms") & {"frostings", "icing"}
    assert hints_at("Two multifunction copiers on a lease with service included", "4234")
    assert hints_at("Licensed electrician to add circuits and outlets in our office", "23821")
    assert "retail" not in searched("Licensed electrician to add circuits and outlets in our office")


def test_a_place_of_the_need_givers_own_is_the_setting_not_a_service():
    assert not hints_at("A year-end party at a rented loft with a DJ and buffet catering", "532")
    assert not hints_at("Our storage room is piled with old laptops to get rid of", "5182")
    assert not hints_at("A photo booth with instant prints for the party", "323")


def test_a_word_that_only_looks_like_a_trade_by_its_stem_reads_no_trade():
    assert not hints_at("We need additional security guards for the weekend", "2362")
    assert hints_at("We want to build an addition to our warehouse", "2362")
    assert not hints_at("Epoxy coating application on the warehouse floor", "5415")
    assert hints_at("Mobile application development for our store", "5415")


def test_the_need_giver_hosting_an_event_hires_no_host():
    text = "We are hosting a Chuseok celebration for employees and their families and need help"
    assert not hints_at(text, "71151") and hints_at(text, "56192")
    assert hints_at("We need an MC to host our year-end party", "71151")


def test_a_transit_or_billboard_campaign_is_also_work_for_media_buying_agencies():
    for text in ("a two-month bus shelter and subway poster campaign", "billboard campaign in Flushing"):
        assert hints_at(text, "541830") and hints_at(text, "541850"), text
        assert "buying" in searched(text), text

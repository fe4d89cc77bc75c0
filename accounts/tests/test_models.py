from accounts.models import Person


def test_full_name_writes_the_last_name_in_capitals():
    assert Person(first_name="Toomas", last_name="Luman").full_name == "Toomas LUMAN"


def test_person_without_a_name_is_shown_by_rank():
    person = Person(rank_en="Lieutenant Senior Grade")

    assert person.full_name == ""
    assert str(person) == "Lieutenant Senior Grade"


def test_person_without_name_or_rank_is_shown_as_unnamed():
    assert str(Person()) == "(unnamed)"

"""Units: CO2e is its own dimension, data units are decimal."""

import pytest

from footprint.errors import UnitError
from footprint.units import conversion_factor, format_unit, parse_quantity, quantity


def test_co2e_converts_among_itself_not_to_mass():
    assert quantity(1500, "gCO2e").m_as("kgCO2e") == pytest.approx(1.5)
    assert quantity(2, "tCO2e").m_as("kgCO2e") == pytest.approx(2000)
    with pytest.raises(UnitError):
        conversion_factor("kgCO2e", "kg")


def test_decimal_data_units_binary_only_when_asked():
    assert conversion_factor("GB", "byte") == 1e9
    assert conversion_factor("TB", "GB") == pytest.approx(1000, rel=1e-12)
    assert conversion_factor("GiB", "byte") == 2**30


def test_energy_and_intensity():
    q = quantity(1.5, "kWh") * quantity(56, "gCO2e/kWh")
    assert q.m_as("kgCO2e") == pytest.approx(0.084)
    assert conversion_factor("MWh", "kWh") == pytest.approx(1000, rel=1e-12)
    assert conversion_factor("Wh/GB", "kWh/GB") == pytest.approx(1e-3)
    assert conversion_factor("Wh/TB/hour", "kWh/TB/year") == pytest.approx(8.766, rel=1e-3)


def test_other_indicator_units():
    assert conversion_factor("L", "m**3") == pytest.approx(1e-3)
    assert conversion_factor("kgSbeq", "kgSbeq") == 1
    with pytest.raises(UnitError):
        conversion_factor("kgSbeq", "kg")


def test_parse_and_errors():
    assert parse_quantity("3 kWh").m_as("Wh") == 3000
    with pytest.raises(UnitError):
        parse_quantity("3 furlongs per blorp")
    with pytest.raises(UnitError) as exc:
        conversion_factor("kWh", "GB")
    assert isinstance(exc.value, TypeError)
    assert format_unit("kilowatt_hour") == "kWh"


def test_data_is_a_dimension_of_its_own():
    # pint counts bits as dimensionless; footprint must not turn TB·year into hours
    with pytest.raises(UnitError):
        conversion_factor("TB*year", "hour")
    with pytest.raises(UnitError):
        conversion_factor("gCO2e/hour", "kgCO2e/TB/year")
    with pytest.raises(UnitError):
        conversion_factor("GB", "dimensionless")
    assert conversion_factor("Mbit/s", "GB/hour") == pytest.approx(0.45)


@pytest.mark.parametrize("text", ["1 W*3**3**3**3", "1 W^3^3^3^3", "1 W**3**3**3",
                                  "1 W*3", "1 kWh**99", "1 (W**3)**3**3"])
def test_chained_or_numeric_powers_are_refused_at_once(text):
    """pint would compute 3**(3**27) as an integer and never return."""
    with pytest.raises(UnitError):
        parse_quantity(text)


def test_unit_names_with_digits_still_work():
    assert parse_quantity("5 gCO2e/kWh").m_as("kgCO2e/kWh") == pytest.approx(0.005)
    assert parse_quantity("2 m**3").m_as("L") == pytest.approx(2000)


@pytest.mark.parametrize(("text", "shown"), [
    ("m**3", "m³"), ("m**3/device", "m³/device"), ("km**2", "km²"), ("kgCO2e/GB", "kgCO2e/GB"),
    ("server", "server"), ("", "")])
def test_readable_unit_writes_powers_as_people_do_and_pint_reads_it_back(text, shown):
    from footprint.units import readable_unit, registry

    assert readable_unit(text) == shown
    if text and text != "server":
        assert registry().Unit(shown) == registry().Unit(text)

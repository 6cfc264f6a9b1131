package de.grw.synthetic;

/** A postal address as the registration office knows it; the house number may carry a letter (12a) or be a range (12-14). */
record Address(String street, String houseNumber, String plz, City city) {
}

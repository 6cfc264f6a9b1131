package de.grw.normalising;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Dr. Müller|mueller",
        "Prof. Dr. Müller|mueller",
        "Prof. Dr.-Ing. Müller|mueller",
        "Dr. med. Müller|mueller",
        "Dipl.-Ing. Müller|mueller",
        "Dr. h. c. Müller|mueller",
        "Prof. Dr. Dr. h.c. mult. Müller|mueller",
        "DR. MÜLLER|mueller",
        "Müller|mueller"})
    void leadingAcademicTitlesAreRemovedFromFamilyNames(String input, String expected) {
        assertThat(PersonNames.familyNameCore(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "von Goethe|goethe",
        "Von Goethe|goethe",
        "van der Heide|heide",
        "Dr. von der Heide|heide",
        "zu Guttenberg|guttenberg",
        "Freiherr von Stein|stein",
        "de Maizière|maiziere",
        "van Beethoven|beethoven",
        "Graf von Stauffenberg|stauffenberg"})
    void particlesAreDroppedFromTheCore(String input, String expected) {
        assertThat(PersonNames.familyNameCore(input)).isEqualTo(expected);
    }

    @Test
    void writtenWithAndWithoutParticleTheCoreAgrees() {
        assertThat(PersonNames.familyNameCore("von Müller")).isEqualTo(PersonNames.familyNameCore("Müller"));
        assertThat(PersonNames.familyNameCore("Van der Berg")).isEqualTo(PersonNames.familyNameCore("Berg"));
    }

    @Test
    void aLeadingBirthNameMarkerIsNotPartOfTheName() {
        assertThat(PersonNames.familyNameCore("geb. Braun")).isEqualTo("braun");
        assertThat(PersonNames.familyNameCore("geborene Braun")).isEqualTo("braun");
        assertThat(PersonNames.familyNameCore("Gebhardt")).isEqualTo("gebhardt");
        assertThat(PersonNames.familyNameCore("Geb")).as("a name that is only the word").isEqualTo("geb");
    }

    @Test
    void aNameMadeOnlyOfParticlesIsKept() {
        assertThat(PersonNames.familyNameCore("Le")).isEqualTo("le");
        assertThat(PersonNames.familyNameCore("von der")).isEqualTo("von der");
    }

    @Test
    void aTitleWordAloneIsTakenAsTheName() {
        // at least one token is always kept
        assertThat(PersonNames.familyNameCore("Dr.")).isEqualTo("dr");
        assertThat(PersonNames.givenNames("Dr.")).isEqualTo("dr");
    }

    @Test
    void titlesAreOnlyRemovedAtTheStart() {
        assertThat(PersonNames.familyNameCore("Müller Dr.")).isEqualTo("mueller dr");
    }

    @Test
    void doubleFamilyNamesWithHyphenOrBlankAgree() {
        assertThat(PersonNames.familyNameCore("Müller-Lüdenscheidt")).isEqualTo("mueller luedenscheidt");
        assertThat(PersonNames.familyNameCore("Müller Lüdenscheidt")).isEqualTo("mueller luedenscheidt");
        assertThat(PersonNames.familyNameCore("MUELLER - LUEDENSCHEIDT")).isEqualTo("mueller luedenscheidt");
    }

    @Test
    void doubleGivenNamesWithHyphenOrBlankAgree() {
        assertThat(PersonNames.givenNames("Karl-Heinz")).isEqualTo("karl heinz");
        assertThat(PersonNames.givenNames("Karl Heinz")).isEqualTo("karl heinz");
        assertThat(PersonNames.givenNames("KARL-HEINZ")).isEqualTo("karl heinz");
        assertThat(PersonNames.givenNames("Anna Maria Luise")).isEqualTo("anna maria luise");
    }

    @Test
    void givenNamesLoseTitlesButKeepParticleLikeWords() {
        assertThat(PersonNames.givenNames("Dr. Hans")).isEqualTo("hans");
        assertThat(PersonNames.givenNames("Prof. Dr.-Ing. Hans-Peter")).isEqualTo("hans peter");
        // "De" as a given-name word is not dropped: only family names lose particles
        assertThat(PersonNames.givenNames("Maria de la Luz")).isEqualTo("maria de la luz");
    }

    @Test
    void emptyNamesGiveNull() {
        assertThat(PersonNames.familyNameCore(null)).isNull();
        assertThat(PersonNames.familyNameCore(" - ")).isNull();
        assertThat(PersonNames.givenNames("")).isNull();
        assertThat(PersonNames.tokensWithoutTitles(null)).isEmpty();
    }

    @Test
    void tokensWithoutTitles() {
        assertThat(PersonNames.tokensWithoutTitles("Prof. Dr. Karl-Heinz von Müller"))
                .containsExactly("karl", "heinz", "von", "mueller");
    }

    @Test
    void particleAndTitleLookupsWorkOnSearchForms() {
        assertThat(PersonNames.isParticle("von")).isTrue();
        assertThat(PersonNames.isParticle("van")).isTrue();
        assertThat(PersonNames.isParticle("zu")).isTrue();
        assertThat(PersonNames.isParticle("de")).isTrue();
        assertThat(PersonNames.isParticle("freiherr")).isTrue();
        assertThat(PersonNames.isParticle("mueller")).isFalse();
        assertThat(PersonNames.isTitle("dr")).isTrue();
        assertThat(PersonNames.isTitle("prof")).isTrue();
        assertThat(PersonNames.isTitle("ing")).isTrue();
        assertThat(PersonNames.isTitle("hans")).isFalse();
    }
}

package de.grw.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import org.junit.jupiter.api.Test;

/** The grain of a difference, with the normalisers the shipped profile names for each field. */
class ValueGrainTest {
    private final MatchProfile profile = ProfileLoader.builtIn("person-de");

    private ValueGrain grain(String field, String golden, String value) {
        return ValueGrain.of(profile, field, golden, value);
    }

    @Test
    void equalAfterTheFieldsNormaliserIsWrittenDifferently() {
        assertThat(grain("sex", "m", "männlich")).isEqualTo(ValueGrain.WRITTEN_DIFFERENTLY);
        assertThat(grain("sex", "m", "m")).isEqualTo(ValueGrain.SAME);
        assertThat(grain("birth_place", "Köln", "Koeln")).isEqualTo(ValueGrain.WRITTEN_DIFFERENTLY);
        assertThat(grain("family_name", "Müller", "MÜLLER")).isEqualTo(ValueGrain.WRITTEN_DIFFERENTLY);
        assertThat(grain("family_name", "Müller", "Mueller")).isEqualTo(ValueGrain.WRITTEN_DIFFERENTLY);
        // the sex normaliser knows "w" and "weiblich" are one, and that "m" and "w" are not
        assertThat(grain("sex", "w", "weiblich")).isEqualTo(ValueGrain.WRITTEN_DIFFERENTLY);
        assertThat(grain("sex", "m", "w")).isEqualTo(ValueGrain.UNRELATED);
    }

    @Test
    void aTypoIsNearAndAnotherValueUnrelated() {
        assertThat(grain("family_name", "Meier", "Meyer")).isEqualTo(ValueGrain.NEAR);
        assertThat(grain("family_name", "Schmidt", "Schmitt")).isEqualTo(ValueGrain.NEAR);
        assertThat(grain("family_name", "Marx", "Mxr")).as("two slips in a short name").isEqualTo(ValueGrain.NEAR);
        assertThat(grain("birth_date", "2004-11-10", "2004-12-10")).isEqualTo(ValueGrain.NEAR);
        assertThat(grain("street", "Burgweg", "POSTSTRASSE")).isEqualTo(ValueGrain.UNRELATED);
        assertThat(grain("house_number", "14", "6")).isEqualTo(ValueGrain.UNRELATED);
        assertThat(grain("given_names", "Max", "Mia")).as("two of three letters").isEqualTo(ValueGrain.UNRELATED);
        assertThat(grain("postal_code", "99089", "17235")).isEqualTo(ValueGrain.UNRELATED);
        assertThat(grain("given_names", "Anna", "Berta")).isEqualTo(ValueGrain.UNRELATED);
        assertThat(ValueGrain.similarity("Meier", "Meyer")).isGreaterThanOrEqualTo(ValueGrain.NEAR_CUT);
        assertThat(ValueGrain.similarity("Burgweg", "POSTSTRASSE")).isLessThan(ValueGrain.NEAR_CUT);
    }

    @Test
    void absentValuesHaveNoGrainAndAValueWithoutGoldenOneIsMarked() {
        assertThat(grain("family_name", "Meier", null)).isNull();
        assertThat(grain("family_name", null, "Meier")).isEqualTo(ValueGrain.UNRELATED);
    }
}

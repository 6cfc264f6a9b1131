package de.grw.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaseReferenceTest {
    @ParameterizedTest
    @ValueSource(strings = {".", "-", "...", "?!", "/", "–", "\u00a0.\u00a0", "#*"})
    void aReferenceWithoutLetterOrDigitNamesNoCase(String ref) {
        assertThatThrownBy(() -> CaseReference.check(ref)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("names no case: it needs at least one letter or digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AZ-2026-17", "17", "III/2-4711", "Az. 12 O 345/26", "ÄZ-ß"})
    void realReferencesAreKeptStripped(String ref) {
        assertThat(CaseReference.check("  " + ref + " ")).isEqualTo(ref);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AZ-1\u001b[2J", "AZ\n2", "AZ\u202E1"})
    void controlCharactersAreRefused(String ref) {
        assertThatThrownBy(() -> CaseReference.check(ref)).hasMessageContaining("contains control characters")
                .hasMessageNotContaining("\u001b");
    }

    @org.junit.jupiter.api.Test
    void blankIsNoneAndOverlongIsRefused() {
        assertThat(CaseReference.check(null)).isEmpty();
        assertThat(CaseReference.check("  ")).isEmpty();
        assertThatThrownBy(() -> CaseReference.check("A".repeat(101))).hasMessageContaining("longer than 100");
    }
}

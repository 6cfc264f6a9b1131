package de.grw.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.Text;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Role;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The desktop shows the engine's messages in its own language. */
class ErrorsTest {
    @Test
    void anEngineMessageIsShownInTheDesktopsLanguageEvenWhenWrapped() {
        RuntimeException wrapped = new IllegalStateException("task failed",
                new AccessDeniedException(Text.of("users.wrong_login")));
        assertThat(Errors.message(wrapped, I18n.german())).isEqualTo("Unbekannter Benutzer oder falsches Passwort.");
        assertThat(Errors.message(wrapped, new I18n(Locale.ENGLISH))).isEqualTo("unknown user or wrong password");
    }

    @Test
    void aDeniedPermissionNamesUserRoleAndDeedInGerman() {
        // the refusal Session.require throws when a clerk tries to approve (sessions come from sign-in only)
        try {
            throw new AccessDeniedException(Text.of("access.denied", "anna", Text.of("role." + Role.CLERK.name()),
                    Text.of("deed.approve_merges")));
        } catch (AccessDeniedException e) {
            assertThat(Errors.message(e, I18n.german()))
                    .isEqualTo("Zusammenführungen freigeben ist für anna (Sachbearbeitung) nicht erlaubt.");
            assertThat(e.getMessage()).isEqualTo("user anna (clerk) may not approve merges");
        }
    }

    @Test
    void anUnexpectedErrorIsNamedAsSuch() {
        assertThat(Errors.message(new NullPointerException("x"), I18n.german())).contains("NullPointerException: x");
    }

    @Test
    void whatAServerDoesNotOfferYetIsNamedInTheUsersLanguage() {
        RuntimeException importing = new IllegalStateException("task failed", new de.grw.common.UserFacingException(
                Text.of("remote.not_offered", "ImportApi.importSource", "https://grw.amt.local:8443")));
        assertThat(Errors.message(importing, I18n.german()))
                .isEqualTo("Dieser Server bietet das Einlesen von Quellen noch nicht an. Alles Übrige können Sie "
                        + "weiter nutzen.");
        assertThat(Errors.message(importing, new I18n(Locale.ENGLISH)))
                .isEqualTo("This server does not offer importing sources yet. Everything else stays available.");
        assertThat(Errors.notOffered(new de.grw.common.UserFacingException(Text.of("remote.not_offered",
                "ReviewApi.revert", "https://x")))).isEqualTo("ReviewApi.revert");
        assertThat(Errors.notOffered(new de.grw.common.UserFacingException(Text.of("remote.not_offered",
                "ReviewApi.decisions", "https://x")))).isEqualTo("ReviewApi");
        assertThat(Errors.notOffered(new de.grw.common.UserFacingException(Text.of("remote.not_offered",
                "LinkApi.link", "https://x")))).isEqualTo("other");
        assertThat(Errors.notOffered(new AccessDeniedException(Text.of("users.wrong_login")))).isNull();
    }

    @Test
    void anEndedSessionIsToldApartFromOtherRefusals() {
        assertThat(Errors.sessionEnded(new IllegalStateException("task failed",
                new AccessDeniedException(Text.of("server.not_signed_in"))))).isTrue();
        assertThat(Errors.sessionEnded(new AccessDeniedException(Text.of("server.session_ended", "anna")))).isTrue();
        assertThat(Errors.sessionEnded(new AccessDeniedException(Text.of("users.wrong_login")))).isFalse();
        assertThat(Errors.sessionEnded(new de.grw.common.UserFacingException(Text.of("server.not_signed_in"))))
                .as("only a refusal of access ends the session").isFalse();
    }
}

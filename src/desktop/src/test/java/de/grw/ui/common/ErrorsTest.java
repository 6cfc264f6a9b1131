package de.grw.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.Text;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Role;
import de.grw.rights.Session;
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
        Session clerk = new Session("anna", Role.CLERK);
        try {
            clerk.require(de.grw.rights.Permission.APPROVE, "approve_merges");
            throw new AssertionError("a clerk may not approve");
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
}

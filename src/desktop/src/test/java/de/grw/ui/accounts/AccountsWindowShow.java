package de.grw.ui.accounts;

import de.grw.api.SignedIn;
import de.grw.api.local.SampleWorkbench;
import de.grw.rights.Role;
import de.grw.ui.WindowShow;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: the administrators' accounts screen in a real window for screenshots. The sample workspace with a
 * supervisor for personnel number 4711 whose password is still one-time and the clerk locked after failed sign-ins;
 * F9 adds an account for a person and shows its one-time password.
 * <pre>
 * window-shot --size 1024x700 --wait 90 --keys "F9" --out /tmp/accounts-de-1024 -- mvn -B -o test \
 *     -pl src/desktop -Dtest=AccountsWindowShow -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dgrw.window.show=true -Dsurefire.fx.args=-Dprism.order=sw [-Dgrw.window.language=en]
 * </pre>
 */
@EnabledIfSystemProperty(named = "grw.window.show", matches = "true")
class AccountsWindowShow extends WindowShow {

    @Test
    void showTheAccounts() throws Exception {
        sample("grw-accounts-show");
        try (SignedIn admin = model.workbench().signIn(SampleWorkbench.ADMIN, SampleWorkbench.PASSWORD.toCharArray())) {
            admin.users().add("carla", Role.SUPERVISOR, "4711", "Erstes-Kennwort-42".toCharArray());
        }
        for (int i = 0; i < 6; i++) {
            try {
                model.workbench().signIn(SampleWorkbench.CLERK, ("falsch-" + i + "-Kennwort").toCharArray()).close();
            } catch (RuntimeException expected) {
                // counted towards the lock
            }
        }
        model.signIn(SampleWorkbench.ADMIN, SampleWorkbench.PASSWORD.toCharArray());
        show(() -> window.show("nav.accounts"));
        onKey(KeyCode.F9, () -> {
            ((TextField) stage.getScene().lookup("#accounts-new-name")).setText("dieter");
            ((TextField) stage.getScene().lookup("#accounts-new-person")).setText("4712");
            fire("#accounts-add");
        });
        hold("accounts-window-show", "accounts ready; F9 adds dieter (4712)", 120);
    }
}

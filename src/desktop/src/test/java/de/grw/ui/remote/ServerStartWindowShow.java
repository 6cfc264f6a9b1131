package de.grw.ui.remote;

import de.grw.server.WorkspaceServer;
import de.grw.ui.WindowShow;
import de.grw.ui.common.WorkbenchModel;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: shows the start screen's server tab in a real window, to look at it (screenshots with window-shot): a
 * server started here, its address typed and connected, the certificate's fingerprint to confirm; F7 confirms it (then
 * the pinned fingerprint stands whole under the address, and the status bar names the server). Runs only with
 * {@code -Dgrw.window.show=true}, and with a display:
 * <pre>
 * window-shot --size 1024x700 --wait 75 --keys "F7" --out target/shots/de-1024 -- mvn -B -o test -pl src/desktop \
 *     -am -Dtest=ServerStartWindowShow -Dsurefire.failIfNoSpecifiedTests=false -Dgrw.window.show=true \
 *     -Dsurefire.fx.args=-Dprism.order=sw [-Dgrw.window.language=en]
 * </pre>
 */
@EnabledIfSystemProperty(named = "grw.window.show", matches = "true")
class ServerStartWindowShow extends WindowShow {

    @Test
    void showTheServerTab() throws Exception {
        Path dir = Files.createTempDirectory("grw-server-start-show");
        try (WorkspaceServer server = TestServers.start(dir)) {
            use(new WorkbenchModel());
            show(() -> {
                ((TabPane) stage.getScene().lookup("#start-where")).getSelectionModel().select(1);
                ((TextField) stage.getScene().lookup("#connect-url")).setText(TestServers.url(server));
                ((ButtonBase) stage.getScene().lookup("#connect-button")).fire();
            });
            onKey(KeyCode.F7, () -> fire("#connect-confirm"));
            hold("server-start-window-show", "fingerprint to confirm; F7 confirms", 40);
        }
    }
}

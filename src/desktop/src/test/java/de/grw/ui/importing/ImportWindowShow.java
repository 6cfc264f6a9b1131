package de.grw.ui.importing;

import de.grw.api.local.SampleWorkbench;
import de.grw.ui.UiTestSupport;
import de.grw.ui.WindowShow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: shows the import screen after an import (preview, mapping and the import's status) in a real window,
 * to look at it (screenshots with window-shot); F7 switches to a database as the source (its form above the rest).
 * Runs only with {@code -Dgrw.window.show=true}, and with a display:
 * <pre>
 * window-shot --size 1024x700 --wait 80 --keys "F7" --out target/shots/de-1024 -- mvn -B -o test -pl src/desktop \
 *     -am -Dtest=ImportWindowShow -Dsurefire.failIfNoSpecifiedTests=false -Dgrw.window.show=true \
 *     -Dsurefire.fx.args=-Dprism.order=sw [-Dgrw.window.language=en]
 * </pre>
 */
@EnabledIfSystemProperty(named = "grw.window.show", matches = "true")
class ImportWindowShow extends WindowShow {

    @Test
    void showAnImportsStatus() throws Exception {
        sample("grw-import-show");
        model.signIn(SampleWorkbench.SUPERVISOR, SampleWorkbench.PASSWORD.toCharArray());
        // the sample's file less a line: the sample holds the file itself
        Path file = Files.createTempDirectory("grw-import-show").resolve("sozialamt.csv");
        List<String> lines = Files.readAllLines(UiTestSupport.sample("sozialamt.csv"), StandardCharsets.ISO_8859_1);
        lines.remove(1);
        Files.write(file, lines, StandardCharsets.ISO_8859_1);
        show(() -> window.show("nav.import"));
        waitFor(() -> stage.getScene().lookup("#import-path") != null);
        onFx(() -> {
            TextField path = (TextField) stage.getScene().lookup("#import-path");
            path.setText(file.toString());
            path.fireEvent(new ActionEvent());
        });
        waitFor(() -> !((TableView<?>) stage.getScene().lookup("#import-mapping")).getItems().isEmpty()
                && !((ButtonBase) stage.getScene().lookup("#import-run")).isDisabled());
        onFx(() -> {
            ((TextField) stage.getScene().lookup("#import-source")).setText("sozialamt_2");
            ((ButtonBase) stage.getScene().lookup("#import-run")).fire();
        });
        onKey(KeyCode.F7, () -> fire("#import-database"));
        hold("import-window-show", "import started; F7 database", 40);
    }
}

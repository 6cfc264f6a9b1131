package de.grw.ui.importing;

import de.grw.store.Workspace;
import de.grw.ui.UiTestSupport;
import de.grw.ui.WindowShow;
import de.grw.workspace.ProposalBundleFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: shows the import of a Spark job's proposal bundle in a real window, to look at it (screenshots with
 * window-shot): the clerk's workspace with the three sample registers, the bundle imported, its result; F2 imports
 * a broken copy (the engine's message with file and line), F3 the sound one again. Runs only with
 * {@code -Dgrw.window.show=true}, and with a display:
 * <pre>
 * window-shot --size 1024x700 --wait 75 --keys "F2" --out target/shots/de-1024 -- mvn -B -o test -pl src/desktop \
 *     -am -Dtest=ProposalsWindowShow -Dsurefire.failIfNoSpecifiedTests=false -Dgrw.window.show=true \
 *     -Dsurefire.fx.args=-Dprism.order=sw [-Dgrw.window.language=en]
 * </pre>
 */
@EnabledIfSystemProperty(named = "grw.window.show", matches = "true")
class ProposalsWindowShow extends WindowShow {

    @Test
    void showTheImportOfAProposalBundle() throws Exception {
        UiTestSupport.startToolkit();
        Path dir = Files.createTempDirectory("grw-proposals-show");
        use(UiTestSupport.signedInModel(dir));
        UiTestSupport.importSamples(model.signedIn(), "melderegister.csv", "sozialamt.csv", "kfz_halter.csv");
        Path bundle;
        try (Workspace w = Workspace.open(Path.of(model.info().location()), Clock.systemUTC())) {
            bundle = ProposalBundleFixture.ofWorkspace(w, dir.resolve("spark-lauf-2026-12-07"));
        }
        Path broken = ProposalsScreens.broken(bundle, dir.resolve("spark-lauf-beschaedigt"));
        ProposalsViewModel[] vm = new ProposalsViewModel[1];
        show(() -> {
            window.show("nav.import");
            fire("#import-bundle");
            vm[0] = ((ImportScreen) window.screen("nav.import")).proposals();
            vm[0].pathProperty().set(bundle.toString());
            vm[0].importBundle();
        });
        waitFor(() -> vm[0].resultProperty().get() != null);
        onKey(KeyCode.F2, () -> {
            fire("#import-bundle"); // the screen is in the scene by now (at the start its lookup can miss)
            vm[0].pathProperty().set(broken.toString());
            vm[0].importBundle();
        });
        onKey(KeyCode.F3, () -> {
            fire("#import-bundle");
            vm[0].pathProperty().set(bundle.toString());
            vm[0].importBundle();
        });
        hold("proposals-window-show", "bundle imported; F2 a broken one, F3 the sound one again", 120);
    }
}

package de.grw.ui.models;

import de.grw.api.SignedIn;
import de.grw.api.local.SampleWorkbench;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.rights.Role;
import de.grw.ui.UiTestSupport;
import de.grw.ui.WindowShow;
import de.grw.ui.common.AppContext;
import de.grw.versions.ModelVersionView;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: the model versions dialog in a real window for screenshots. The sample workspace, version 2 trained by
 * {@code vorgesetzte}, signed in as a second supervisor ({@code carla}); the dialog over the match screen with
 * version 2 selected and a comment typed. F9 activates it.
 * <pre>
 * window-shot --size 1024x700 --wait 100 --keys "F9" --out /tmp/models-de-1024 -- mvn -B -o test \
 *     -pl src/desktop -Dtest=ModelsWindowShow -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dgrw.window.show=true -Dsurefire.fx.args=-Dprism.order=sw [-Dgrw.window.language=en]
 * </pre>
 */
@EnabledIfSystemProperty(named = "grw.window.show", matches = "true")
class ModelsWindowShow extends WindowShow {

    @Test
    void showTheModelVersions() throws Exception {
        sample("grw-models-show");
        try (SignedIn admin = model.workbench().signIn(SampleWorkbench.ADMIN, SampleWorkbench.PASSWORD.toCharArray())) {
            UiTestSupport.addAccount(model.workbench(), admin, "carla", Role.SUPERVISOR, "Vorgesetzte-22");
        }
        try (SignedIn trainer = model.workbench().signIn(SampleWorkbench.SUPERVISOR,
                SampleWorkbench.PASSWORD.toCharArray())) {
            trainer.models().train(ProgressListener.NONE, CancellationToken.NONE);
        }
        model.signIn("carla", "Vorgesetzte-22".toCharArray());
        ModelVersionsDialog[] dialog = new ModelVersionsDialog[1];
        show(() -> {
            window.show("nav.match");
            AppContext ctx = new AppContext(i18n, model, tasks, settings, e -> { }, n -> { });
            dialog[0] = ModelVersionsDialog.open(ctx, stage);
            keysIn(dialog[0].dialog().getDialogPane().getScene());
        });
        onKey(KeyCode.F9, () -> {
            Node n = dialog[0].dialog().getDialogPane().lookup("#models-activate");
            if (n instanceof ButtonBase b) {
                b.fire();
            }
        });
        Thread.sleep(3000);
        onFx(() -> {
            @SuppressWarnings("unchecked")
            var table = (TableView<ModelVersionView>) dialog[0].dialog().getDialogPane().lookup("#models-table");
            table.getSelectionModel().select(0);
            ((TextField) dialog[0].dialog().getDialogPane().lookup("#models-comment"))
                    .setText(locale.getLanguage().equals("en") ? "checked on the twins" : "an den Zwillingen geprüft");
        });
        hold("models-window-show", "dialog ready; F9 activate", 120);
    }
}

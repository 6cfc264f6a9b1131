package de.grw.ui.importing;

import de.grw.ui.shell.MainWindow;
import de.grw.workspace.ProposalBundleFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.scene.Node;
import org.testfx.api.FxRobot;

/** What the tests of the proposal bundle's import on the screen share, local and against a server. */
public final class ProposalsScreens {
    /** The line of {@link #broken}'s cluster file that names no cluster number. */
    public static final int BROKEN_LINE = 3;

    private ProposalsScreens() {
    }

    /**
     * A copy of {@code bundle} in {@code into} whose cluster file's line {@value #BROKEN_LINE} names the cluster
     * "keine-Zahl", sealed again (its manifest names the changed file's size and SHA-256), so that the line-by-line
     * check refuses it.
     */
    public static Path broken(Path bundle, Path into) throws IOException {
        try (Stream<Path> files = Files.walk(bundle)) {
            for (Path f : files.toList()) {
                Path target = into.resolve(bundle.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Path csv = into.resolve("clusters").resolve("part-00000.csv");
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(csv));
        String line = lines.get(BROKEN_LINE - 1);
        lines.set(BROKEN_LINE - 1, line.substring(0, line.lastIndexOf(',') + 1) + "keine-Zahl");
        Files.write(csv, lines);
        ProposalBundleFixture.seal(into);
        return into;
    }

    /** The import screen of the robot's window. */
    public static ImportScreen importScreen(FxRobot robot) {
        MainWindow w = (MainWindow) robot.listTargetWindows().get(0).getScene().getProperties().get(MainWindow.class);
        return (ImportScreen) w.screen("nav.import");
    }

    /** Visible, with all its parents. */
    public static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}

package de.grw.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A desktop whose window toolkit cannot start says why in one line naming what to install, exits with a code of its
 * own and prints no stack trace: with JavaFX's own exceptions (a machine without GTK 3 is not needed), and for real,
 * started without a display.
 */
class ToolkitFailureTest {
    @Test
    void missingGtkNamesTheDebianPackage() {
        // what Application.launch throws on a Debian machine without libgtk-3-0
        Throwable thrown = new UnsupportedOperationException("Unable to load glass GTK library.");
        String line = ToolkitFailure.describe(thrown);
        assertThat(line).contains("GTK 3", "libgtk-3-0", "apt-get install libgtk-3-0").doesNotContain("\n");
        assertThat(line).startsWith("Fehler: ").contains(" / Error: ");
        // wrapped by the launcher thread: found all the same
        assertThat(ToolkitFailure.describe(new RuntimeException("Application launch error", thrown))).isEqualTo(line);
        assertThat(ToolkitFailure.describe(new UnsatisfiedLinkError("libglassgtk3.so: libgtk-3.so.0: cannot open "
                + "shared object file"))).contains("libgtk-3-0");
    }

    @Test
    void noDisplaySaysSoAndOtherFailuresAreNotTheToolkits() {
        assertThat(ToolkitFailure.describe(new UnsupportedOperationException("Unable to open DISPLAY")))
                .contains("DISPLAY", "--help").doesNotContain("\n");
        assertThat(ToolkitFailure.describe(new IllegalStateException("something else"))).isNull();
        assertThat(ToolkitFailure.describe(new NullPointerException())).isNull();
    }

    @Test
    void startedWithoutADisplayTheDesktopExitsWithOneLine() throws Exception {
        Path home = Files.createTempDirectory("grw-no-display");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dgrw.home=" + home,
                DesktopLauncher.class.getName());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        File err = home.resolve("err.txt").toFile();
        pb.redirectErrorStream(true).redirectOutput(err);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> lines = Files.readAllLines(err.toPath(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join("\n", lines)).isEqualTo(ToolkitFailure.EXIT_NO_WINDOW);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Fehler: ").contains("DISPLAY"));
        assertThat(lines).noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception in thread"));
    }
}

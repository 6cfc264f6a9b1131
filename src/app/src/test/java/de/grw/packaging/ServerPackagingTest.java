package de.grw.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's packaging: the systemd unit runs {@code grw server} as the account grw with the hardening the README
 * promises, and systemd itself accepts it ({@code systemd-analyze verify}, where systemd is installed); the .deb's
 * maintainer scripts are valid shell and keep jpackage's placeholders; build.sh puts unit and configuration in.
 */
class ServerPackagingTest {
    private static final Path UNIT = Path.of("installer", "grw-server.service");

    @TempDir
    Path dir;

    private static Map<String, List<String>> service() throws IOException {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        String section = "";
        for (String line : Files.readAllLines(UNIT, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.startsWith("[")) {
                section = l;
            } else if (!l.isEmpty() && !l.startsWith("#") && section.equals("[Service]")) {
                int eq = l.indexOf('=');
                keys.computeIfAbsent(l.substring(0, eq), k -> new ArrayList<>()).add(l.substring(eq + 1));
            }
        }
        return keys;
    }

    @Test
    void theUnitRunsTheServerAsItsOwnAccountWithHardening() throws IOException {
        Map<String, List<String>> s = service();
        assertThat(s.get("User")).containsExactly("grw");
        assertThat(s.get("Group")).containsExactly("grw");
        assertThat(s.get("ExecStart")).containsExactly(
                "/opt/golden-record-workbench/bin/golden-record-workbench server --config /etc/grw/server.conf");
        assertThat(s.get("NoNewPrivileges")).containsExactly("yes");
        assertThat(s.get("ProtectSystem")).containsExactly("strict");
        assertThat(s.get("ReadWritePaths")).containsExactly("/var/lib/grw");
        assertThat(s.get("ProtectHome")).containsExactly("yes");
        assertThat(s.get("PrivateTmp")).containsExactly("yes");
        assertThat(s.get("UMask")).containsExactly("0077");
        assertThat(s.get("CapabilityBoundingSet")).containsExactly("");
        assertThat(s).doesNotContainKey("MemoryDenyWriteExecute"); // would stop the JIT
        // the data directory in the unit is the one the shipped configuration uses
        assertThat(Files.readString(Path.of("installer", "server.conf"))).contains("data.dir = /var/lib/grw",
                "store.sqlite.file = /var/lib/grw/workspace.grw");
    }

    @Test
    void systemdAcceptsTheUnit() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed");
        // the launcher and the account exist only where the package is installed: verify the unit as written, with
        // them replaced by what this machine has
        String unit = Files.readString(UNIT, StandardCharsets.UTF_8)
                .replace("/opt/golden-record-workbench/bin/golden-record-workbench", "/bin/true")
                .replace("User=grw", "User=root").replace("Group=grw", "Group=root");
        Path copy = dir.resolve("grw-server.service");
        Files.writeString(copy, unit, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(analyze.toString(), "verify", "--man=no", copy.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // systemd-analyze complains about the machine (no running systemd in a container, other units): only the
        // lines about this unit count
        List<String> aboutUnit = out.lines().filter(l -> l.contains("grw-server.service")).toList();
        assertThat(aboutUnit).as(out).isEmpty();
    }

    @Test
    void theMaintainerScriptsAreValidShellAndKeepJpackagesPlaceholders() throws Exception {
        for (String script : List.of("postinst", "prerm", "postrm")) {
            Path f = Path.of("installer", "deb", script);
            Process p = new ProcessBuilder("sh", "-n", f.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(script + ": " + out).isZero();
            assertThat(Files.isExecutable(f)).as(script).isTrue();
        }
        String postinst = Files.readString(Path.of("installer", "deb", "postinst"));
        assertThat(postinst).contains("DESKTOP_COMMANDS_INSTALL", "useradd --system", "install -d -m 0700 -o grw",
                "/lib/systemd/system/grw-server.service", "ln -sf \"$APP/bin/grw\" /usr/bin/grw");
        assertThat(Files.readString(Path.of("installer", "deb", "prerm"))).contains("DESKTOP_COMMANDS_UNINSTALL",
                "UTILITY_SCRIPTS");
        // purge never deletes the workspaces
        assertThat(Files.readString(Path.of("installer", "deb", "postrm"))).doesNotContain("rm -rf /var/lib/grw");
        String build = Files.readString(Path.of("installer", "build.sh"));
        assertThat(build).contains("cp installer/grw-server.service installer/server.conf", "--resource-dir installer/deb",
                "--add-launcher grw=installer/grw-cli.properties");
        assertThat(Files.readString(Path.of("installer", "grw-cli.properties")))
                .contains("java-options=-Dfile.encoding=UTF-8 -XX:+UseParallelGC");
    }
}

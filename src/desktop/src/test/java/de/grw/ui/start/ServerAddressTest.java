package de.grw.ui.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Server addresses and fingerprints as users type or paste them. */
class ServerAddressTest {
    @Test
    void oneServerTypedInSeveralWaysIsOneAddress() {
        for (String typed : new String[] {"grw.amt.local:8443", "https://GRW.amt.local:8443/",
            " https://grw.amt.local:8443/api/v1 "}) {
            assertThat(ServerAddress.parse(typed)).as(typed).map(ServerAddress::url)
                    .contains("https://grw.amt.local:8443");
        }
        assertThat(ServerAddress.parse("grw.amt.local").map(ServerAddress::url)).contains("https://grw.amt.local:443");
        assertThat(ServerAddress.parse("https://[::1]:8443").map(ServerAddress::socketHost)).contains("::1");
    }

    @Test
    void whatIsNoHttpsServerAddressIsRefused() {
        for (String typed : new String[] {"", "   ", "http://grw.amt.local:8443", "ftp://x", "https://",
            "https://grw.amt.local:99999", "https://user@grw.amt.local:8443", "https://grw.amt.local:8443/?a=b",
            "grw amt local"}) {
            assertThat(ServerAddress.parse(typed)).as(typed).isEmpty();
        }
    }

    @Test
    void aFingerprintIsReadInTheFormsAdministratorsPassOn() {
        String server = "41:AD:06:7C:35:1D:AE:5D:3B:48:02:00:01:A6:F3:37:7A:8B:14:11:6C:3B:06:7E:A9:58:55:F7:3B:2A:89:CC";
        assertThat(ServerCertificates.normalise(server)).isEqualTo(server);
        assertThat(ServerCertificates.normalise(server.replace(":", "").toLowerCase(Locale.ROOT))).isEqualTo(server);
        assertThat(ServerCertificates.normalise("SHA256:" + server)).isEqualTo(server);
        assertThat(ServerCertificates.normalise(ServerCertificates.lines(server))).isEqualTo(server);
        assertThat(ServerCertificates.normalise(server.substring(3))).isNull();
        assertThat(ServerCertificates.normalise(server.replace("CC", "CG"))).isNull();
        assertThat(ServerCertificates.lines(server).split("\n")).hasSize(4)
                .allMatch(line -> line.split(":").length == 8);
    }
}

#!/usr/bin/env bash
# Builds native packages of the Golden Record Workbench with jpackage (JDK 17), from the runnable jar, with a
# bundled, trimmed Java runtime.
#
#   installer/build.sh [app-image|deb|all]     (default: all)
#
# Results in target/installer/:
#   golden-record-workbench/                   the app image; start bin/golden-record-workbench
#                                              (no arguments: the desktop; with arguments: the command line);
#                                              bin/grw is the command line's launcher, with the parallel
#                                              (throughput) collector for batches (installer/grw-cli.properties)
#   golden-record-workbench_<version>_amd64.deb  the Debian package (needs fakeroot), with desktop entry and icon,
#                                              "grw" (bin/grw) on the PATH, and the workspace server as a systemd service:
#                                              grw-server.service, the account grw, /var/lib/grw (0700) and
#                                              /etc/grw/server.conf (installer/deb/postinst; the service is neither
#                                              enabled nor started until a workspace exists, see README)
#
# The jar is built first if target/grw.jar is missing. Windows (.msi) and macOS (.dmg): see README, "Installer".
set -euo pipefail
cd "$(dirname "$0")/.."

TYPE="${1:-all}"
NAME="golden-record-workbench"
VERSION="$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' pom.xml | head -1)"
OUT="target/installer"
MODULES="java.base,java.desktop,java.logging,java.management,java.naming,java.prefs,java.scripting,java.sql,java.xml,jdk.unsupported,jdk.jsobject,jdk.xml.dom,jdk.charsets,jdk.localedata,jdk.crypto.ec,jdk.zipfs"
JLINK_OPTIONS="--strip-debug --no-header-files --no-man-pages --strip-native-commands"

command -v jpackage >/dev/null || { echo "jpackage not found: install a JDK 17 (e.g. openjdk-17-jdk)" >&2; exit 1; }
if [ ! -f target/grw.jar ]; then
    mvn -q -B -DskipTests package
fi

rm -rf "$OUT"
mkdir -p "$OUT/input"
cp target/grw.jar "$OUT/input/"
# the server's service unit and example configuration travel in the image (lib/app/); the .deb's postinst installs
# them where systemd and the administrator look for them (jpackage cannot place files outside its folder)
cp installer/grw-server.service installer/server.conf "$OUT/input/"

common=(--name "$NAME" --app-version "$VERSION" --vendor "Golden Record Workbench"
        --description "Datenpflege-Werkbank: Dubletten finden, prüfen und zu Golden Records zusammenführen"
        --input "$OUT/input" --main-jar grw.jar --main-class de.grw.Launcher
        --java-options "-Dfile.encoding=UTF-8"
        --add-launcher grw=installer/grw-cli.properties
        --icon installer/icon.png --dest "$OUT")

if [ "$TYPE" = "app-image" ] || [ "$TYPE" = "all" ]; then
    jpackage --type app-image "${common[@]}" --add-modules "$MODULES" --jlink-options "$JLINK_OPTIONS"
    echo "app image: $OUT/$NAME (launcher: $OUT/$NAME/bin/$NAME)"
fi
if [ "$TYPE" = "deb" ] || [ "$TYPE" = "all" ]; then
    command -v fakeroot >/dev/null || { echo "building a .deb needs fakeroot (apt-get install fakeroot)" >&2; exit 1; }
    jpackage --type deb "${common[@]}" --add-modules "$MODULES" --jlink-options "$JLINK_OPTIONS" \
        --resource-dir installer/deb \
        --linux-package-name "$NAME" --linux-package-deps "libgtk-3-0, passwd" --linux-shortcut \
        --linux-menu-group "Office" --linux-app-category "misc"
    ls -1 "$OUT"/*.deb
fi

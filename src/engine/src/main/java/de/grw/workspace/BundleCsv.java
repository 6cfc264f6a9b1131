package de.grw.workspace;

import de.grw.common.Text;
import de.grw.common.UserFacingException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV of a proposal bundle's cluster files (RFC 4180: comma, double quotes, a quote doubled inside quotes, a
 * quoted field may span lines), each row with the line it starts on, for messages.
 */
final class BundleCsv {
    private BundleCsv() {
    }

    /** A row's fields and the line (from 1) it starts on. */
    record Row(int line, List<String> fields) {
    }

    static List<Row> read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Row> rows = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int line = 1;
            int rowLine = 1;
            boolean quoted = false;
            boolean wasQuoted = false;
            boolean any = false;
            int c;
            while ((c = in.read()) != -1) {
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        in.mark(1);
                        int next = in.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (next != -1) {
                                in.reset();
                            }
                        }
                    } else {
                        if (ch == '\n') {
                            line++;
                        }
                        field.append(ch);
                    }
                    continue;
                }
                if (ch == '"' && field.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                    any = true;
                } else if (ch == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                    any = true;
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r') {
                        in.mark(1);
                        if (in.read() != '\n') {
                            in.reset();
                        }
                    }
                    if (any || !field.isEmpty()) {
                        fields.add(field.toString());
                        rows.add(new Row(rowLine, List.copyOf(fields)));
                    }
                    fields.clear();
                    field.setLength(0);
                    wasQuoted = false;
                    any = false;
                    line++;
                    rowLine = line;
                } else if (wasQuoted) {
                    throw new UserFacingException(Text.of("bundle.after_quote", ProposalBundleReader.at(file, line)));
                } else {
                    field.append(ch);
                    any = true;
                }
            }
            if (quoted) {
                throw new UserFacingException(Text.of("bundle.open_quote", ProposalBundleReader.at(file, rowLine)));
            }
            if (any || !field.isEmpty()) {
                fields.add(field.toString());
                rows.add(new Row(rowLine, List.copyOf(fields)));
            }
            return rows;
        } catch (IOException e) {
            throw new UserFacingException(Text.of("bundle.cannot_read", file, e.getMessage()), e);
        }
    }
}

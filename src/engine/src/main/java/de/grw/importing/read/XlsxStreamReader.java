package de.grw.importing.read;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Reads the sheets of an .xlsx workbook with POI's streaming (SAX) API: memory stays flat however long a sheet is
 * (only the shared-strings table is held). Formula cells give their cached values. The merged regions of a sheet
 * stand after its rows in the file, so a sheet with merges is parsed twice: once for them, once for the rows.
 */
final class XlsxStreamReader {
    /** Called for each sheet in workbook order. */
    private interface SheetVisitor {
        /** @return whether to stop after this sheet */
        boolean visit(String name, PackagePart part, OPCPackage pkg, XSSFReader reader)
                throws IOException, OpenXML4JException, SAXException;
    }

    /** Thrown through the parser when enough rows of a sheet were seen. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super("enough rows", null, false, false);
        }
    }

    private XlsxStreamReader() {
    }

    static List<String> sheetNames(Path file) throws IOException, OpenXML4JException, SAXException {
        List<String> names = new ArrayList<>();
        eachSheet(file, (name, part, pkg, reader) -> {
            names.add(name);
            return false;
        });
        return names;
    }

    /** The first filled rows (at most {@code rows}) of every sheet, by sheet, in workbook order. */
    static List<ExcelReader.SheetStart> starts(Path file, int rows)
            throws IOException, OpenXML4JException, SAXException {
        List<ExcelReader.SheetStart> out = new ArrayList<>();
        eachSheet(file, (name, part, pkg, reader) -> {
            List<List<String>> first = new ArrayList<>();
            try (InputStream xml = part.getInputStream()) {
                parse(xml, new ReadOnlySharedStringsTable(pkg), reader.getStylesTable(), (index, cells) -> {
                    if (cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
                        first.add(List.copyOf(cells.stream().map(c -> c == null ? "" : c).toList()));
                        if (first.size() >= rows) {
                            throw new Enough();
                        }
                    }
                });
            } catch (Enough enough) {
                // the sheet's start is known
            }
            out.add(new ExcelReader.SheetStart(name, first));
            return false;
        });
        return out;
    }

    /**
     * Reads the named sheet.
     * @return whether there is such a sheet
     */
    static boolean read(Path file, String sheet, int maxChars, RowEmitter out)
            throws IOException, OpenXML4JException, SAXException {
        boolean[] found = new boolean[1];
        eachSheet(file, (name, part, pkg, reader) -> {
            if (!sheet.equals(name)) {
                return false;
            }
            found[0] = true;
            SheetRowAssembler rows = new SheetRowAssembler(file, name, maxChars, out);
            try (InputStream xml = part.getInputStream()) {
                rows.merges(merges(xml));
            }
            try (InputStream xml = part.getInputStream()) {
                parse(xml, new ReadOnlySharedStringsTable(pkg), reader.getStylesTable(), rows::row);
            }
            rows.finish();
            return true;
        });
        return found[0];
    }

    private static void eachSheet(Path file, SheetVisitor visitor)
            throws IOException, OpenXML4JException, SAXException {
        OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        try {
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                sheets.next().close();
                if (visitor.visit(sheets.getSheetName(), sheets.getSheetPart(), pkg, reader)) {
                    return;
                }
            }
        } finally {
            pkg.revert();
        }
    }

    /**
     * The merged regions of a sheet ({@code <mergeCell ref="B3:B5"/>}, after the rows). Found by a scan of the bytes
     * rather than an XML parse, which would cost as much again as reading the rows: an element start cannot occur in
     * text (a {@code <} there is escaped), so every {@code <mergeCell} (with or without a namespace prefix) is one.
     */
    static List<CellRangeAddress> merges(InputStream xml) throws IOException {
        List<CellRangeAddress> regions = new ArrayList<>();
        byte[] word = "mergeCell".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] buf = new byte[1 << 16];
        int keep = 0;
        int n;
        while ((n = xml.readNBytes(buf, keep, buf.length - keep)) > 0) {
            int end = keep + n;
            int scanned = 0;
            for (int i = 0; i + word.length + 1 < end; i++) {
                if (buf[i] != 'm' || !startsWith(buf, i, word) || !isBlank(buf[i + word.length])
                        || !elementStart(buf, i)) {
                    continue;
                }
                int close = indexOf(buf, i, end, (byte) '>');
                if (close < 0) {
                    break; // the element goes on in the next chunk
                }
                String element = new String(buf, i, close - i, java.nio.charset.StandardCharsets.UTF_8);
                java.util.regex.Matcher m = MERGE_REF.matcher(element);
                if (m.find() && m.group(1).contains(":")) {
                    regions.add(CellRangeAddress.valueOf(m.group(1)));
                }
                scanned = close;
                i = close;
            }
            // carry the bytes after the last element read, at most 256, into the next chunk
            int from = Math.max(scanned == 0 ? 0 : scanned + 1, end - 256);
            keep = end - from;
            System.arraycopy(buf, from, buf, 0, keep);
        }
        return regions;
    }

    private static final java.util.regex.Pattern MERGE_REF = java.util.regex.Pattern.compile("\\sref=\"([^\"]+)\"");

    private static boolean startsWith(byte[] b, int at, byte[] word) {
        for (int k = 0; k < word.length; k++) {
            if (b[at + k] != word[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    /** Whether {@code mergeCell} at {@code at} follows {@code <} or {@code <prefix:}. */
    private static boolean elementStart(byte[] b, int at) {
        int i = at - 1;
        if (i >= 0 && b[i] == ':') {
            i--;
            while (i >= 0 && at - i < 32 && (Character.isLetterOrDigit(b[i]) || b[i] == '_' || b[i] == '-')) {
                i--;
            }
        }
        return i >= 0 && b[i] == '<';
    }

    private static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static void parse(InputStream xml, ReadOnlySharedStringsTable strings, StylesTable styles,
                              BiConsumer<Integer, List<String>> rows) throws IOException, SAXException {
        run(xml, new XSSFSheetXMLHandler(styles, strings, new Rows(rows), new ExcelCellFormatter(), false));
    }

    private static void run(InputStream xml, ContentHandler handler) throws IOException, SAXException {
        XMLReader parser;
        try {
            parser = XMLHelper.newXMLReader();
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML parser available", e);
        }
        parser.setContentHandler(handler);
        try {
            parser.parse(new InputSource(xml));
        } catch (SAXException e) {
            if (e.getException() instanceof SheetRowAssembler.Passthrough p) {
                throw p;
            }
            if (e.getException() instanceof Enough enough) {
                throw enough;
            }
            throw e;
        }
    }

    /** Collects the sparse cells of a row into a list indexed by column. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final BiConsumer<Integer, List<String>> out;
        private final List<String> cells = new ArrayList<>();
        private int nextColumn;

        Rows(BiConsumer<Integer, List<String>> out) {
            this.out = out;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            out.accept(rowNum, cells);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int col = reference == null ? nextColumn : column(reference);
            if (value != null && value.startsWith("ERROR:")) {
                value = value.substring("ERROR:".length());
            }
            while (cells.size() <= col) {
                cells.add(null);
            }
            cells.set(col, value);
            nextColumn = col + 1;
        }

        /** 0-based column of a reference such as {@code AB12}. */
        static int column(String reference) {
            int col = 0;
            for (int i = 0; i < reference.length(); i++) {
                char c = reference.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    col = col * 26 + (c - 'A' + 1);
                } else if (c >= 'a' && c <= 'z') {
                    col = col * 26 + (c - 'a' + 1);
                } else if (c != '$') {
                    break;
                }
            }
            return col - 1;
        }
    }
}

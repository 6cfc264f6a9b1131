package de.grw.importing.read;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one sheet of an .xlsx workbook with POI's streaming (SAX) API: memory stays flat however long the sheet is
 * (only the shared-strings table is held). Formula cells give their cached values.
 */
final class XlsxStreamReader {
    /** Called for each sheet in workbook order. */
    private interface SheetVisitor {
        /** @return whether to stop after this sheet */
        boolean visit(String name, InputStream sheetXml, OPCPackage pkg, XSSFReader reader)
                throws IOException, OpenXML4JException, SAXException;
    }

    private XlsxStreamReader() {
    }

    static List<String> sheetNames(Path file) throws IOException, OpenXML4JException, SAXException {
        List<String> names = new ArrayList<>();
        eachSheet(file, (name, xml, pkg, reader) -> {
            names.add(name);
            return false;
        });
        return names;
    }

    /**
     * Reads the named sheet, or the first with {@code sheet == null}.
     * @return the name of the sheet read, or {@code null} if there is no such sheet
     */
    static String read(Path file, String sheet, int maxChars, RowEmitter out)
            throws IOException, OpenXML4JException, SAXException {
        String[] found = new String[1];
        eachSheet(file, (name, xml, pkg, reader) -> {
            if (sheet != null && !sheet.equals(name)) {
                return false;
            }
            found[0] = name;
            SheetRowAssembler rows = new SheetRowAssembler(file, name, maxChars, out);
            parse(xml, new ReadOnlySharedStringsTable(pkg), reader.getStylesTable(), new ExcelCellFormatter(), rows);
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
                try (InputStream xml = sheets.next()) {
                    if (visitor.visit(sheets.getSheetName(), xml, pkg, reader)) {
                        return;
                    }
                }
            }
        } finally {
            pkg.revert();
        }
    }

    private static void parse(InputStream xml, ReadOnlySharedStringsTable strings, StylesTable styles,
                              ExcelCellFormatter formatter, SheetRowAssembler rows) throws IOException, SAXException {
        XMLReader parser;
        try {
            parser = XMLHelper.newXMLReader();
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML parser available", e);
        }
        parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, new Rows(rows), formatter, false));
        try {
            parser.parse(new InputSource(xml));
        } catch (SAXException e) {
            if (e.getException() instanceof SheetRowAssembler.Passthrough p) {
                throw p;
            }
            throw e;
        }
    }

    /** Collects the sparse cells of a row into a list indexed by column. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final SheetRowAssembler out;
        private final List<String> cells = new ArrayList<>();
        private int nextColumn;

        Rows(SheetRowAssembler out) {
            this.out = out;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            out.row(rowNum, cells);
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

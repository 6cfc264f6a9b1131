package de.grw.importing.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The corpus files that are generated rather than stored: workbooks (made with POI, so that they stay readable
 * and small in the repository) and a text too large to keep.
 */
final class CorpusWorkbooks {
    static final List<String> HEADER = List.of("id", "Nachname", "Vorname", "Geburtsdatum", "PLZ", "Ort");
    static final List<List<String>> PEOPLE = List.of(
            List.of("1", "Müller", "Hans", "03.04.1971", "10115", "Berlin"),
            List.of("2", "Weiß", "Jürgen", "17.08.1985", "10115", "Berlin"),
            List.of("3", "Schröder", "Ännchen", "01.02.1960", "50667", "Köln"),
            List.of("4", "Groß", "Eva Maria", "24.12.1990", "01067", "Dresden"));

    private CorpusWorkbooks() {
    }

    private static final Map<String, Consumer<Workbook>> BOOKS = Map.ofEntries(
            Map.entry("cover_sheet", wb -> {
                Sheet cover = wb.createSheet("Deckblatt");
                row(cover, 0, "Melderegister Musterstadt");
                row(cover, 2, "Stand:", "2026-03-01");
                row(cover, 3, "Erstellt von:", "Amt 32");
                table(wb.createSheet("Personen"), 0);
                table(wb.createSheet("Archiv"), 0);
            }),
            Map.entry("title_rows", wb -> {
                Sheet s = wb.createSheet("Personen");
                row(s, 0, "Auszug aus dem Melderegister");
                row(s, 1, "Stand: 01.03.2026");
                table(s, 3);
                s.addMergedRegion(CellRangeAddress.valueOf("A1:F1"));
            }),
            Map.entry("merged_city", wb -> {
                Sheet s = wb.createSheet("Personen");
                table(s, 0);
                s.getRow(2).removeCell(s.getRow(2).getCell(5)); // Berlin, from the merged F2:F3
                s.addMergedRegion(CellRangeAddress.valueOf("F2:F3"));
            }),
            Map.entry("merged_wide", wb -> {
                Sheet s = wb.createSheet("Personen");
                List<String> header = new java.util.ArrayList<>(HEADER);
                header.add("Bemerkung");
                header.add("Notiz");
                row(s, 0, header.toArray(new String[0]));
                for (int i = 0; i < PEOPLE.size(); i++) {
                    List<String> r = new java.util.ArrayList<>(PEOPLE.get(i));
                    r.add(i == 0 ? "gemeinsamer Haushalt" : "");
                    row(s, i + 1, r.toArray(new String[0]));
                }
                s.addMergedRegion(CellRangeAddress.valueOf("G2:H3"));
            }),
            Map.entry("no_table", wb -> {
                row(wb.createSheet("Deckblatt"), 0, "Melderegister");
                row(wb.createSheet("Hinweise"), 0, "Bitte beachten:");
            }),
            Map.entry("value_beyond_header", wb -> {
                Sheet s = wb.createSheet("Personen");
                table(s, 0);
                s.getRow(2).createCell(8).setCellValue("verirrt");
            }),
            Map.entry("duplicate_header", wb -> {
                Sheet s = wb.createSheet("Personen");
                table(s, 0);
                s.getRow(0).createCell(6).setCellValue("Nachname");
                for (int i = 1; i <= PEOPLE.size(); i++) {
                    s.getRow(i).createCell(6).setCellValue("Geburtsname" + i);
                }
            }),
            Map.entry("typed_cells", wb -> {
                Sheet s = wb.createSheet("Personen");
                CellStyle date = wb.createCellStyle();
                date.setDataFormat(wb.createDataFormat().getFormat("dd.mm.yyyy"));
                CellStyle five = wb.createCellStyle();
                five.setDataFormat(wb.createDataFormat().getFormat("00000"));
                row(s, 0, HEADER.toArray(new String[0]));
                for (int i = 0; i < PEOPLE.size(); i++) {
                    List<String> p = PEOPLE.get(i);
                    Row r = s.createRow(i + 1);
                    r.createCell(0).setCellValue(Integer.parseInt(p.get(0)));
                    r.createCell(1).setCellValue(p.get(1));
                    r.createCell(2).setCellValue(p.get(2));
                    String[] d = p.get(3).split("\\.");
                    r.createCell(3).setCellValue(LocalDate.of(Integer.parseInt(d[2]), Integer.parseInt(d[1]),
                            Integer.parseInt(d[0])));
                    r.getCell(3).setCellStyle(date);
                    r.createCell(4).setCellValue(Integer.parseInt(p.get(4)));
                    r.getCell(4).setCellStyle(five);
                    r.createCell(5).setCellValue(p.get(5));
                }
            }),
            Map.entry("empty_sheet", wb -> {
                table(wb.createSheet("Personen"), 0);
                wb.createSheet("Leer");
            }),
            Map.entry("blank_rows_between", wb -> {
                Sheet s = wb.createSheet("Personen");
                row(s, 0, HEADER.toArray(new String[0]));
                for (int i = 0; i < PEOPLE.size(); i++) {
                    row(s, 2 * i + 2, PEOPLE.get(i).toArray(new String[0]));
                }
            }));

    /** Writes the workbook {@code name} ({@code NAME.xlsx} or {@code NAME.xls}) into the folder. */
    static Path write(Path dir, String file) throws IOException {
        String name = file.substring(0, file.lastIndexOf('.'));
        Consumer<Workbook> book = BOOKS.get(name);
        if (book == null) {
            throw new IllegalArgumentException("no generated corpus workbook " + name);
        }
        Path out = dir.resolve(file);
        try (Workbook wb = file.endsWith(".xls") ? new HSSFWorkbook() : new XSSFWorkbook();
             OutputStream o = Files.newOutputStream(out)) {
            book.accept(wb);
            wb.write(o);
        }
        return out;
    }

    /** A CSV whose third row holds a field of more than a million characters. */
    static Path overlong(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(";", HEADER)).append('\n');
        for (int i = 0; i < PEOPLE.size(); i++) {
            List<String> p = PEOPLE.get(i);
            if (i == 1) {
                sb.append(String.join(";", p.subList(0, 5))).append(';').append("x".repeat(1_000_001)).append('\n');
            } else {
                sb.append(String.join(";", p)).append('\n');
            }
        }
        return Files.writeString(dir.resolve("overlong_field.csv"), sb.toString());
    }

    private static void table(Sheet s, int first) {
        row(s, first, HEADER.toArray(new String[0]));
        for (int i = 0; i < PEOPLE.size(); i++) {
            row(s, first + 1 + i, PEOPLE.get(i).toArray(new String[0]));
        }
    }

    private static void row(Sheet sheet, int index, String... cells) {
        Row r = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != null && !cells[i].isEmpty()) {
                r.createCell(i).setCellValue(cells[i]);
            }
        }
    }
}

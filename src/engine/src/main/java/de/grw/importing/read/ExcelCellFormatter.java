package de.grw.importing.read;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.NumberToTextConverter;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numeric cell values as the user sees them, with two deliberate differences from Excel's display: dates become ISO
 * ({@code yyyy-MM-dd}, with {@code HH:mm:ss} when there is a time of day), and numbers in the "General" format keep
 * all their digits (Excel and POI would show {@code 4.93012E+11} for a 12-digit number). Other formats (for example
 * {@code 00000} for postal codes, giving {@code 01067}) are applied as Excel does, with {@link Locale#ROOT} symbols.
 */
final class ExcelCellFormatter extends DataFormatter {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    ExcelCellFormatter() {
        super(Locale.ROOT);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
        return formatRawCellContents(value, formatIndex, formatString, false);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
        if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            return isoDate(value, use1904);
        }
        if (formatIndex == 0 || formatString == null || "General".equalsIgnoreCase(formatString)
                || "@".equals(formatString)) {
            return NumberToTextConverter.toText(value);
        }
        return super.formatRawCellContents(value, formatIndex, formatString, use1904);
    }

    static String isoDate(double value, boolean use1904) {
        LocalDateTime t = DateUtil.getLocalDateTime(value, use1904, true);
        if (value < 1) {
            return TIME.format(t);
        }
        if (t.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return t.toLocalDate().toString();
        }
        return DATE_TIME.format(t);
    }
}

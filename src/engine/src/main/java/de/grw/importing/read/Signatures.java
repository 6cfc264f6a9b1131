package de.grw.importing.read;

/** Magic numbers at the start of files that are certainly not text tables. */
final class Signatures {
    private Signatures() {
    }

    static boolean isZip(byte[] b, int n) {
        return n >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    static boolean isOle2(byte[] b, int n) {
        return n >= 8 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
                && (b[3] & 0xFF) == 0xE0 && (b[4] & 0xFF) == 0xA1 && (b[5] & 0xFF) == 0xB1
                && (b[6] & 0xFF) == 0x1A && (b[7] & 0xFF) == 0xE1;
    }

    /** What a binary file looks like, for the user ("a PDF document"), or {@code null} if no signature matched. */
    static String binaryKind(byte[] b, int n) {
        if (isZip(b, n)) {
            return "a ZIP archive (for example an Excel .xlsx workbook)";
        }
        if (isOle2(b, n)) {
            return "an old Microsoft Office file (for example an Excel .xls workbook)";
        }
        if (n >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "a PDF document";
        }
        if (n >= 3 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B && b[2] == 8) {
            return "a gzip archive";
        }
        if (n >= 4 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "a PNG image";
        }
        if (n >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "a JPEG image";
        }
        return null;
    }
}

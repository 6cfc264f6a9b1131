package de.grw.importing.read;

import de.grw.common.Text;
import de.grw.common.UserFacingException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Wording shared by the readers, so that every message names the file the same way. */
final class Messages {
    /** Upper bound for {@link RowSink#rejected} raw texts. */
    static final int RAW_TEXT_LIMIT = 1000;

    private Messages() {
    }

    /** The name shown to the user: the file name without its folder. */
    static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    static UserFacingException empty(Path file) {
        return new UserFacingException(Text.of("import.empty", name(file)));
    }

    static UserFacingException atLine(Path file, long line, String problem) {
        return atLine(file, line, Text.of("import.as_is", problem));
    }

    static UserFacingException atLine(Path file, long line, Text problem) {
        return new UserFacingException(Text.of("import.at_line", name(file), line, problem));
    }

    static UserFacingException atPosition(Path file, long line, long column, String problem) {
        return new UserFacingException(Text.of("import.at_position", name(file), line, column,
                Text.of("import.as_is", problem)));
    }

    static UserFacingException io(Path file, IOException e) {
        Object why;
        if (e instanceof NoSuchFileException) {
            why = Text.of("import.why_missing");
        } else if (e instanceof AccessDeniedException) {
            why = Text.of("import.why_denied");
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            why = fse.getReason();
        } else if (e.getMessage() != null && !e.getMessage().isBlank()) {
            why = e.getMessage();
        } else {
            why = e.getClass().getSimpleName();
        }
        return new UserFacingException(Text.of("import.cannot_read", name(file), why), e);
    }

    /** A decoding error in a text whose encoding was chosen by the user or stated by a byte-order mark. */
    static UserFacingException undecodable(Path file, EncodingDetector.TextEncoding encoding) {
        long line;
        try {
            line = TextInput.lineOfFirstDecodingError(file, encoding);
        } catch (IOException e) {
            throw io(file, e);
        }
        return new UserFacingException(line > 0
                ? Text.of("import.undecodable_at", name(file), line, encoding.charset().name())
                : Text.of("import.undecodable", name(file), encoding.charset().name()));
    }

    /** {@code 1000000} as {@code "1,000,000"}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static Text fieldTooLong(int fieldNumber, int maxChars) {
        return Text.of("import.field_too_long", fieldNumber, count(maxChars));
    }

    /** Cuts a raw text to {@link #RAW_TEXT_LIMIT} characters without splitting a surrogate pair. */
    static String shorten(String raw) {
        if (raw == null) {
            return "";
        }
        if (raw.length() <= RAW_TEXT_LIMIT) {
            return raw;
        }
        int end = RAW_TEXT_LIMIT;
        if (Character.isHighSurrogate(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(0, end);
    }
}

package de.grw.journal;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The journal and the access log in words, in the reader's language and local time: "anna schlug am 03.12.2026 um
 * 14:05 vor, 3 Datensätze zusammenzuführen (AZ 51.2-2026/0815)" instead of a payload's JSON. One sentence per
 * {@link JournalAction} (and per kind of decision), and per access-log action; the texts are in
 * {@code de/grw/journal/sentences.properties} (German, the default) and {@code sentences_en.properties}.
 * <p>
 * A sentence names people only by their user names and records only by numbers and counts: it never repeats a value
 * of a record (a merge's values typed by hand stay in the payload), so it reveals nothing a masked or blocked record
 * holds to a reader who may not see it. Comments and case references, which users wrote for the journal, are
 * quoted. No I/O; for front ends.
 */
public final class JournalSentences {
    /** Base name of the bundles. */
    public static final String BUNDLE = "de.grw.journal.sentences";
    private static final Pattern GOLDEN_IDS = Pattern.compile("G-\\d+");
    private static final Pattern FIRST_NUMBER = Pattern.compile("(\\d+)");
    private static final Pattern SIGN_IN_FAILURES = Pattern.compile("\\s*failure (\\d+) in a row\\s*");

    private final Locale locale;
    private final ZoneId zone;
    private final ResourceBundle bundle;
    private final DateTimeFormatter date;
    private final DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * @param locale the reader's language (German unless English is asked for)
     * @param zone   the reader's time zone (the stored times are UTC)
     */
    public JournalSentences(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.date = DateTimeFormatter.ofPattern(text("date"), locale);
    }

    /** Whether a sentence exists for the journal action (and, for decisions, every kind of decision). */
    public boolean hasSentenceFor(JournalAction action) {
        try {
            for (String key : keys(action)) {
                bundle.getString(key);
            }
            return true;
        } catch (MissingResourceException e) {
            return false;
        }
    }

    /** The bundle keys the sentences of an action use. */
    static List<String> keys(JournalAction action) {
        String base = "journal." + action.code();
        return switch (action) {
            case DECISION_PROPOSED, DECISION_TAKEN -> List.of(base + ".MERGE", base + ".NOT_DUPLICATE",
                    base + ".SPLIT", base + ".DEFER", base + ".other");
            case USER_CREATED -> List.of(base, base + ".first", base + ".directory");
            case USER_PASSWORD_CHANGED -> List.of(base, base + ".own");
            case SOURCE_IMPORTED -> List.of(base, base + ".database");
            case EXPORT -> List.of(base, base + ".database", base + ".blocked");
            case SOURCE_RECORD_STORED -> List.of(base, base + ".queued");
            case MODEL_ESTIMATED -> List.of(base, base + ".trained");
            case MODEL_ACTIVATED -> List.of(base, base + ".initial");
            case CONSTRAINTS_EXPORTED -> List.of(base, base + ".server", base + ".for");
            default -> List.of(base);
        };
    }

    /** A journal entry in words. */
    public String journal(JournalEntry e) {
        JsonNode p;
        try {
            p = CanonicalJson.parse(e.payload());
        } catch (RuntimeException bad) {
            p = CanonicalJson.parse("{}");
        }
        String who = e.user();
        String when = when(e.at());
        JournalAction action = JournalAction.ofCode(e.action()).orElse(null);
        if (action == null) {
            return format("journal.unknown", who, when, e.action());
        }
        String key = "journal." + action.code();
        return switch (action) {
            case WORKSPACE_CREATED -> format(key, who, when, p.path("profile").asText());
            case USER_CREATED -> p.hasNonNull("directory")
                    ? format(key + ".directory", who, when, p.path("name").asText(), role(p.path("role").asText()),
                    p.path("directory").asText())
                    : p.path("first").asBoolean(false)
                    ? format(key + ".first", who, when, p.path("name").asText(), role(p.path("role").asText()))
                    : format(key, who, when, p.path("name").asText(), role(p.path("role").asText()));
            case USER_PASSWORD_CHANGED -> p.path("name").asText().equals(who)
                    ? format(key + ".own", who, when) : format(key, who, when, p.path("name").asText());
            case USER_DISABLED, USER_ENABLED -> format(key, who, when, p.path("name").asText());
            case USER_ROLE_CHANGED -> format(key, who, when, p.path("name").asText(),
                    role(p.path("role").asText()), role(p.path("previous").asText()));
            case SOURCE_IMPORTED -> p.hasNonNull("database")
                    ? format(key + ".database", who, when, p.path("source").asText(), p.path("records").asLong(),
                    p.path("rows_rejected").asLong())
                    : format(key, who, when, p.path("source").asText(), p.path("file").asText(),
                    p.path("records").asLong(), p.path("rows_rejected").asLong());
            case SOURCE_APPENDED -> format(key, who, when, p.path("file").asText(), p.path("source").asText(),
                    p.path("records").asLong(), p.path("keys_present").asLong());
            case MATCH_RUN -> format("imported".equals(p.path("kind").asText()) ? key + ".imported" : key, who, when,
                    id(p.path("run")), p.path("records").asLong(),
                    probability(p.path("threshold").asDouble()), p.path("clusters").asLong(),
                    p.path("new_clusters").asLong());
            case MODEL_ESTIMATED -> p.hasNonNull("run") || !p.has("method")
                    ? format(key, who, when, id(p.path("version")), p.path("records").asLong(), id(p.path("run")))
                    : format(key + ".trained", who, when, id(p.path("version")), p.path("records").asLong(),
                    p.path("inputs").path("decisions_used").size());
            case MODEL_ACTIVATED -> "initial".equals(p.path("kind").asText())
                    ? format(key + ".initial", who, when, id(p.path("version")))
                    : format(key, who, when, id(p.path("version")), p.path("trained_by").asText(),
                    p.path("previous").isNumber() ? id(p.path("previous")) : "-") + comment(p);
            case MODEL_REVERTED -> format(key, who, when, id(p.path("version")),
                    p.path("previous").isNumber() ? id(p.path("previous")) : "-") + comment(p);
            case DECISION_PROPOSED, DECISION_TAKEN -> decision(key, who, when, p);
            case DECISION_APPROVED -> format(key, who, when, id(p.path("decision")), id(p.path("cluster")),
                    p.path("golden_record").isTextual() ? p.path("golden_record").asText() : "-")
                    + comment(p);
            case DECISION_REJECTED -> format(key, who, when, id(p.path("decision")), id(p.path("cluster")))
                    + comment(p);
            case DECISION_REVERTED -> format(key, who, when, id(p.path("reverts")), id(p.path("cluster")))
                    + caseRef(p.path("case").asText()) + comment(p);
            case EXPORT -> export(key, who, when, p);
            case SOURCE_RECORD_STORED -> p.hasNonNull("cluster")
                    ? format(key + ".queued", who, when, id(p.path("record")), p.path("source").asText(),
                    id(p.path("cluster"))) + caseRef(p.path("case").asText())
                    : format(key, who, when, id(p.path("record")), p.path("source").asText())
                    + caseRef(p.path("case").asText());
            case CONSTRAINTS_EXPORTED -> constraints(key, who, when, p);
        };
    }

    private String decision(String key, String who, String when, JsonNode p) {
        JsonNode content = p.path("content");
        String kind = p.path("kind").asText();
        String cluster = id(p.path("cluster"));
        String sentence = switch (kind) {
            case "MERGE" -> {
                long manual = 0;
                for (JsonNode choice : content.path("choices")) {
                    manual += choice.has("value") ? 1 : 0;
                }
                yield format(key + ".MERGE", who, when, content.path("members").size(), cluster)
                        + (manual == 0 ? "" : "; " + format("journal.manualValues", manual));
            }
            case "NOT_DUPLICATE" -> format(key + ".NOT_DUPLICATE", who, when, content.path("records").size(),
                    cluster);
            case "SPLIT" -> format(key + ".SPLIT", who, when, cluster, content.path("groups").size());
            case "DEFER" -> format(key + ".DEFER", who, when, cluster);
            default -> format(key + ".other", who, when, cluster, kind);
        };
        return sentence + caseRef(p.path("case").asText()) + comment(p);
    }

    private String export(String key, String who, String when, JsonNode p) {
        long golden = p.path("golden_records").asLong();
        long records = p.path("records").asLong();
        String sentence = "database".equals(p.path("format").asText())
                ? format(key + ".database", who, when, golden, records, p.path("table").asText())
                : format(key, who, when, golden, records, p.path("format").asText().toUpperCase(Locale.ROOT));
        int blocked = p.path("blocked_included").size();
        return sentence + (blocked == 0 ? "" : format(key + ".blocked", blocked))
                + caseRef(p.path("case").asText());
    }

    /** An export of the decisions as constraints: the counts, where the file went, what for, the case. */
    private String constraints(String key, String who, String when, JsonNode p) {
        boolean served = "server".equals(p.path("via").asText());
        String sentence = format(served ? key + ".server" : key, who, when, p.path("must_link_groups").asLong(),
                p.path("must_link_records").asLong(), p.path("cannot_links").asLong(),
                p.path(served ? "client" : "file").asText("-"));
        String purpose = p.path("for").asText("");
        return sentence + (purpose.isBlank() ? "" : format(key + ".for", purpose.strip()))
                + caseRef(p.path("case").asText());
    }

    /**
     * An access-log entry in words.
     *
     * @param action    {@code SHOW}, {@code EXPORT}, {@code EXPORT_BLOCKED}, {@code LINK}, ...
     * @param detail    the engine's description of what was shown (read for the numbers it names)
     * @param recordIds the records concerned
     */
    public String access(String at, String user, String action, String caseRef, String detail,
                         List<Long> recordIds) {
        String when = when(at);
        int records = recordIds.size();
        String d = detail == null ? "" : detail;
        String sentence = switch (action) {
            case "SHOW" -> d.startsWith("golden record ")
                    ? format("access.SHOW.golden", user, when, d.substring("golden record ".length()).strip(), records)
                    : d.startsWith("cluster ")
                    ? format("access.SHOW.cluster", user, when, d.substring("cluster ".length()).strip(), records)
                    : format("access.SHOW", user, when, records);
            case "EXPORT" -> format("access.EXPORT", user, when, firstNumber(d), records);
            case "EXPORT_BLOCKED" -> format("access.EXPORT_BLOCKED", user, when, goldenIds(d), records);
            case "LINK" -> format("access.LINK", user, when, records);
            case "QUEUE" -> format("access.QUEUE", user, when, numbers(d), records);
            case "EXPORT_CONSTRAINTS" -> format("access.EXPORT_CONSTRAINTS", user, when, records);
            case "SEARCH" -> format("access.SEARCH", user, when, records);
            case "BULK_SAMPLE" -> format("access.BULK_SAMPLE", user, when, numbers(between(d, "clusters ", " of ")),
                    firstNumber(after(d, " of ")), records);
            case "APPROVAL_SAMPLE" -> format("access.APPROVAL_SAMPLE", user, when,
                    numbers(between(d, "decisions ", " of ")), firstNumber(after(d, " of ")), records);
            case "SIGN_IN_FAILED" -> format("access.SIGN_IN_FAILED", user, when, signInFailure(d));
            default -> format("access.other", user, when, action, records);
        };
        return sentence + caseRef(caseRef);
    }

    /** The access-log actions that have a sentence of their own. */
    public static List<String> accessActions() {
        return List.of("SHOW", "EXPORT", "EXPORT_BLOCKED", "LINK", "QUEUE", "EXPORT_CONSTRAINTS", "SEARCH",
                "BULK_SAMPLE", "APPROVAL_SAMPLE", "SIGN_IN_FAILED");
    }

    /**
     * Why a sign-in failed, in words: the engine's detail ({@code wrong name or password; failure 3 in a row; locked
     * until 2026-12-03T13:20:00Z}) part by part; a part it does not know stays as written.
     */
    private String signInFailure(String detail) {
        List<String> parts = new ArrayList<>();
        for (String part : detail.split(";\\s*")) {
            Matcher failures = SIGN_IN_FAILURES.matcher(part);
            String key = switch (part.strip()) {
                case "wrong name or password" -> "access.SIGN_IN_FAILED.wrong";
                case "locked" -> "access.SIGN_IN_FAILED.locked";
                case "disabled" -> "access.SIGN_IN_FAILED.disabled";
                case "directory account" -> "access.SIGN_IN_FAILED.directory";
                default -> null;
            };
            if (key != null) {
                parts.add(text(key));
            } else if (failures.matches()) {
                parts.add(format("access.SIGN_IN_FAILED.failures", Long.parseLong(failures.group(1))));
            } else if (part.startsWith("locked until ")) {
                parts.add(format("access.SIGN_IN_FAILED.until", clock(part.substring("locked until ".length()))));
            } else if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return String.join(", ", parts);
    }

    /** The text between two markers ("clusters 4, 9 of 40" between "clusters " and " of ": "4, 9"); empty without. */
    private static String between(String s, String from, String to) {
        int start = s.indexOf(from);
        if (start < 0) {
            return "";
        }
        start += from.length();
        int end = s.indexOf(to, start);
        return end < 0 ? s.substring(start) : s.substring(start, end);
    }

    /** The text after a marker; empty without. */
    private static String after(String s, String marker) {
        int i = s.indexOf(marker);
        return i < 0 ? "" : s.substring(i + marker.length());
    }

    /** How many numbers a detail names ("queue: clusters 12, 13, 40" names 3 groups). */
    private static long numbers(String s) {
        return FIRST_NUMBER.matcher(s).results().count();
    }

    private static long firstNumber(String s) {
        Matcher m = FIRST_NUMBER.matcher(s);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static String goldenIds(String s) {
        List<String> ids = new ArrayList<>();
        Matcher m = GOLDEN_IDS.matcher(s);
        while (m.find()) {
            ids.add(m.group());
        }
        return String.join(", ", ids);
    }

    /** "am 03.12.2026 um 14:05" in the reader's zone; the stored text when it is no time. */
    public String when(String at) {
        try {
            ZonedDateTime t = Instant.parse(at).atZone(zone);
            return format("when", date.format(t), time.format(t));
        } catch (DateTimeParseException e) {
            return at;
        }
    }

    /** "14:20" in the reader's zone; the stored text when it is no time. */
    private String clock(String at) {
        try {
            return time.format(Instant.parse(at.strip()).atZone(zone));
        } catch (DateTimeParseException e) {
            return at;
        }
    }

    private String caseRef(String caseRef) {
        return caseRef == null || caseRef.isBlank() ? "" : " " + format("case", caseRef.strip());
    }

    private String comment(JsonNode p) {
        String c = p.path("comment").asText("");
        return c.isBlank() ? "" : " " + format("comment", c.strip());
    }

    private String role(String role) {
        try {
            return bundle.getString("role." + role);
        } catch (MissingResourceException e) {
            return role;
        }
    }

    private String probability(double p) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(3);
        return f.format(p);
    }

    /** An id as written (no grouping); {@code -} when missing. */
    private static String id(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? "-" : n.asText();
    }

    private String text(String key) {
        return bundle.getString(key);
    }

    private String format(String key, Object... args) {
        return new MessageFormat(text(key).replace("'", "''"), locale).format(args);
    }
}

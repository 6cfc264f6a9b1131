package de.grw.journal;

import java.util.Iterator;

/**
 * Checks a journal's hash chain: every entry's hash must match its content, every {@code prev} the hash of the
 * entry before, and the sequence numbers must run 1, 2, 3, ... A modified entry fails on its own hash; a deleted,
 * inserted or reordered entry breaks the sequence or the chain at the first entry after the change. Deleting
 * entries from the end leaves a valid, shorter chain: compare the head hash with one kept elsewhere (the exports
 * and {@code verify} print it) to detect that.
 */
public final class JournalVerifier {
    private JournalVerifier() {
    }

    /**
     * @param ok        whether the chain is intact
     * @param entries   entries checked
     * @param firstBad  sequence number of the first bad entry (its position when the number itself is wrong), or 0
     * @param problem   what is wrong with it
     * @param headHash  hash of the last entry (the chain's head)
     * @param ledger    what the ledger's check found (see {@code de.grw.ledger.Ledger}), or {@code null} when no
     *                  ledger was checked
     * @param redacted  the numbers of entries redacted in an export (a person's values under a blocking notice
     *                  masked): their hashes are taken as given, so their visible content is not proved
     */
    public record Result(boolean ok, long entries, long firstBad, String problem, String headHash, String ledger,
                         java.util.List<Long> redacted) {
        public Result(boolean ok, long entries, long firstBad, String problem, String headHash) {
            this(ok, entries, firstBad, problem, headHash, null, java.util.List.of());
        }

        public Result(boolean ok, long entries, long firstBad, String problem, String headHash, String ledger) {
            this(ok, entries, firstBad, problem, headHash, ledger, java.util.List.of());
        }

        /** This result with the ledger's finding: its summary, and its problem if it found one. */
        public Result withLedger(String summary, java.util.Optional<String> ledgerProblem) {
            if (ledgerProblem.isEmpty()) {
                return new Result(ok, entries, firstBad, problem, headHash, summary, redacted);
            }
            String both = ok ? "ledger: " + ledgerProblem.get() : problem + "; ledger: " + ledgerProblem.get();
            return new Result(false, entries, firstBad, both, headHash, summary, redacted);
        }

        /** This result with what the check of the model versions against the journal found, if anything. */
        public Result withModelCheck(java.util.Optional<String> modelProblem) {
            return withCheck("model versions", modelProblem);
        }

        /** This result with what another check of the store against the journal found ({@code label: problem}). */
        public Result withCheck(String label, java.util.Optional<String> found) {
            if (found.isEmpty()) {
                return this;
            }
            String both = ok ? label + ": " + found.get() : problem + "; " + label + ": " + found.get();
            return new Result(false, entries, firstBad, both, headHash, ledger);
        }

        public String describe() {
            String ledgerLine = ledger == null ? "" : "\n" + ledger;
            if (ok) {
                return "journal intact: " + entries + " entries, head " + headHash + redactedNote() + ledgerLine;
            }
            if (firstBad == 0) {
                return "journal or store damaged: " + problem + ledgerLine;
            }
            return "journal damaged at entry " + firstBad + ": " + problem + ledgerLine;
        }

        /** Names the redacted entries (at most ten numbers), or nothing when there are none. */
        private String redactedNote() {
            if (redacted.isEmpty()) {
                return "";
            }
            String numbers = redacted.stream().limit(10).map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", "));
            return "; " + redacted.size() + " entr" + (redacted.size() == 1 ? "y" : "ies") + " redacted for an "
                    + "export (values of persons under a blocking notice masked; their hashes are taken as given, "
                    + "their content is not proved): " + numbers + (redacted.size() > 10 ? ", ..." : "");
        }
    }

    public static Result verify(Iterator<JournalEntry> entries) {
        String prevHash = Journal.GENESIS;
        long expectedSeq = 1;
        long count = 0;
        java.util.List<Long> redacted = new java.util.ArrayList<>();
        while (entries.hasNext()) {
            JournalEntry e = entries.next();
            count++;
            if (e.seq() != expectedSeq) {
                String what = e.seq() > expectedSeq ? "entries before it are missing" : "it is out of order or "
                        + "inserted";
                return new Result(false, count, count, "sequence number " + e.seq() + " where " + expectedSeq
                        + " was expected (" + what + ")", prevHash);
            }
            if (!e.prev().equals(prevHash)) {
                return new Result(false, count, e.seq(), "it does not follow the entry before it (previous hash "
                        + "differs)", prevHash);
            }
            if (e.isRedacted()) {
                if (!e.action().equals("decision.proposed") && !e.action().equals("decision.taken")) {
                    return new Result(false, count, e.seq(), "it is marked redacted, but only decisions' values are "
                            + "ever redacted", prevHash);
                }
                redacted.add(e.seq());
                prevHash = e.hash();
                expectedSeq++;
                continue;
            }
            String computed;
            try {
                computed = e.computeHash();
            } catch (IllegalArgumentException bad) {
                return new Result(false, count, e.seq(), "its content is not valid JSON", prevHash);
            }
            if (!computed.equals(e.hash())) {
                return new Result(false, count, e.seq(), "its content was changed (hash does not match)", prevHash);
            }
            prevHash = e.hash();
            expectedSeq++;
        }
        if (count == 0) {
            return new Result(false, 0, 1, "the journal is empty (a workspace's journal begins with its creation; "
                    + "an empty one was emptied)", prevHash);
        }
        return new Result(true, count, 0, "", prevHash, null, java.util.List.copyOf(redacted));
    }
}

package de.grw.bench;

import de.grw.api.SignedIn;
import de.grw.common.UserFacingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The figures of one kind of client of {@code server-load} (the clerks and supervisors, or the linking
 * applications): latencies per operation, refusals by the rules (conflicts), calls refused while the server was down
 * or restarting, and errors (anything else). Thread-safe.
 */
final class LoadFigures {
    /** One operation's latencies (nanoseconds). */
    static final class Timings {
        private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

        void add(long start) {
            nanos.add(System.nanoTime() - start);
        }

        int count() {
            return nanos.size();
        }

        String describe() {
            List<Long> sorted;
            synchronized (nanos) {
                sorted = new ArrayList<>(nanos);
            }
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return "none";
            }
            return String.format("%,d calls, p50 %.1f ms, p99 %.1f ms, max %.1f ms", sorted.size(),
                    sorted.get(sorted.size() / 2) / 1e6, sorted.get(Math.min(sorted.size() - 1,
                            (int) (sorted.size() * 0.99))) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
        }
    }

    private final Map<String, Timings> timings = new ConcurrentHashMap<>();
    private final AtomicLong conflicts = new AtomicLong();
    private final Map<String, AtomicLong> conflictKeys = new ConcurrentHashMap<>();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    /** Of those: while the server process was up (a sign-in it lost with its restart, a client's timeout). */
    private final AtomicLong unreachableWhileUp = new AtomicLong();
    private final List<String> unreachableSamples = Collections.synchronizedList(new ArrayList<>());
    private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
    /** Whether a refusal by the rules (another clerk first) is expected of these clients, or an error. */
    private final boolean rulesMayRefuse;
    private final BooleanSupplier serverDown;

    LoadFigures(boolean rulesMayRefuse, BooleanSupplier serverDown) {
        this.rulesMayRefuse = rulesMayRefuse;
        this.serverDown = serverDown;
    }

    Timings timing(String op) {
        return timings.computeIfAbsent(op, k -> new Timings());
    }

    long errors() {
        return errors.get();
    }

    long conflicts() {
        return conflicts.get();
    }

    long unavailable() {
        return unavailable.get();
    }

    long unreachableWhileUp() {
        return unreachableWhileUp.get();
    }

    /** The refusals by the rules, by message key. */
    Map<String, Long> conflictKeys() {
        Map<String, Long> out = new TreeMap<>();
        conflictKeys.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    String unreachableSamples() {
        return unreachableSamples.isEmpty() ? "" : " e.g. " + unreachableSamples;
    }

    String errorSamples() {
        synchronized (errorSamples) {
            return errorSamples.isEmpty() ? "" : " e.g. " + new ArrayList<>(errorSamples.subList(0,
                    Math.min(3, errorSamples.size())));
        }
    }

    /**
     * A call that failed: a refusal of the rules (another clerk decided the cluster first, the other supervisor
     * approved first) is a conflict where these clients may meet one, else an error; the server unreachable, or a
     * session it no longer knows after a restart, means signing in again (null is returned); anything else is an
     * error.
     */
    SignedIn failed(String user, RuntimeException e, SignedIn session) {
        String key = e instanceof UserFacingException u && u.text() != null ? u.text().key() : null;
        if (rulesMayRefuse && key != null && !(e instanceof de.grw.rights.AccessDeniedException)
                && !key.startsWith("remote.") && !key.startsWith("server.")) {
            conflicts.incrementAndGet();
            conflictKeys.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            return session;
        }
        boolean down = serverDown.getAsBoolean();
        if (down || isConnectionProblem(e)) {
            unavailable.incrementAndGet();
            if (!down) {
                unreachableWhileUp.incrementAndGet();
                if (unreachableSamples.size() < 5) {
                    unreachableSamples.add(user + ": " + e.getMessage());
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            return null; // sign in again: a restarted server has no sessions
        }
        errors.incrementAndGet();
        if (errorSamples.size() < 10) {
            errorSamples.add(user + ": " + e);
        }
        return session;
    }

    /** Unreachable (an I/O failure underneath), or a sign-in the restarted server does not know (401). */
    private static boolean isConnectionProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return e instanceof de.grw.rights.AccessDeniedException a && a.text() != null
                && List.of("server.not_signed_in", "server.session_ended").contains(a.text().key());
    }
}

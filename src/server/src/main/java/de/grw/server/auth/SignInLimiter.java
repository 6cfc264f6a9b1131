package de.grw.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits password guessing: after {@code perAccount} failed sign-ins to one account name, or {@code perAddress}
 * from one client address, within {@code window}, further attempts for that name or from that address are refused
 * without checking the password, until the oldest failure has left the window. A successful sign-in clears its
 * account's count (not its address's: one right password does not license guessing at other accounts).
 * <p>
 * Counts are kept in memory (a restart clears them) and per name as typed, case-insensitively. At most
 * {@value #MAX_KEYS} names and addresses are tracked; beyond that the oldest are forgotten first, so a flood of
 * invented names cannot exhaust the server's memory.
 */
public final class SignInLimiter {
    static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Map<String, Deque<Instant>> accounts = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> addresses = new ConcurrentHashMap<>();

    public SignInLimiter(Clock clock, int perAccount, int perAddress, Duration window) {
        this.clock = clock;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** Why an attempt is refused now, and for how long; empty when it may go ahead. */
    public Optional<Refusal> check(String account, String address) {
        Instant now = clock.instant();
        Optional<Duration> byAccount = wait(accounts, key(account), perAccount, now);
        if (byAccount.isPresent()) {
            return Optional.of(new Refusal(false, byAccount.get()));
        }
        return wait(addresses, address, perAddress, now).map(d -> new Refusal(true, d));
    }

    /**
     * A refused attempt.
     *
     * @param byAddress whether the address's limit was reached (else the account's)
     * @param retryAfter how long until another attempt may go ahead
     */
    public record Refusal(boolean byAddress, Duration retryAfter) {
    }

    public void failed(String account, String address) {
        Instant now = clock.instant();
        add(accounts, key(account), now);
        add(addresses, address, now);
    }

    public void succeeded(String account) {
        accounts.remove(key(account));
    }

    private Optional<Duration> wait(Map<String, Deque<Instant>> map, String key, int limit, Instant now) {
        Deque<Instant> times = map.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return Optional.empty();
            }
            Duration d = Duration.between(now, times.peekFirst().plus(window));
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        }
    }

    private void add(Map<String, Deque<Instant>> map, String key, Instant now) {
        if (map.size() >= MAX_KEYS) {
            map.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
            if (map.size() >= MAX_KEYS) {
                map.clear();
            }
        }
        Deque<Instant> times = map.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !now.isBefore(times.peekFirst().plus(window))) {
            times.removeFirst();
        }
    }

    private static String key(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }
}

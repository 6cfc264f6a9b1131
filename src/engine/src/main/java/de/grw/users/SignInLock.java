package de.grw.users;

import java.time.Duration;
import java.time.Instant;

/**
 * The lock after failed sign-ins: {@value #FREE_FAILURES} failures in a row are free; the next locks the account
 * for {@code 30 s}, and every further failure doubles the time, up to one hour ({@code 30 s, 1 min, 2 min, 4 min,
 * ... 1 h}). A locked account is refused without checking its password; a successful sign-in after the lock ends
 * clears the count. Count and lock are stored with the account, so every process that opens the workspace, and a
 * workspace server, sees them.
 */
final class SignInLock {
    static final int FREE_FAILURES = 5;
    static final Duration FIRST = Duration.ofSeconds(30);
    static final Duration LONGEST = Duration.ofHours(1);

    private SignInLock() {
    }

    /** Until when the account is locked after this many failures in a row, or {@code null} when it is not. */
    static Instant lockAfter(int failures, Instant now) {
        if (failures < FREE_FAILURES) {
            return null;
        }
        int doublings = Math.min(failures - FREE_FAILURES, 16);
        Duration d = FIRST.multipliedBy(1L << doublings);
        return now.plus(d.compareTo(LONGEST) > 0 ? LONGEST : d);
    }

    static boolean lockedAt(UserRepository.Credentials account, Instant now) {
        return account.lockedUntil() != null && now.isBefore(Instant.parse(account.lockedUntil()));
    }

    /** Whole minutes (at least one) until the lock ends. */
    static long minutesLeft(UserRepository.Credentials account, Instant now) {
        long seconds = Duration.between(now, Instant.parse(account.lockedUntil())).getSeconds();
        return Math.max(1, (seconds + 59) / 60);
    }
}

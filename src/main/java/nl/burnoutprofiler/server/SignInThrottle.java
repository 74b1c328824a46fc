package nl.burnoutprofiler.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import nl.burnoutprofiler.store.KeyedHash;
import nl.burnoutprofiler.store.SignInAttempts;

/**
 * Limits how often a password may be tried, so that guessing one takes years, and so that each refused try is
 * answered before any password is hashed. The counts live in the database, so every server on it (and every
 * restart) counts the same attempts.
 * <p>
 * Three budgets of attempts, each a count in a window that begins with the first attempt after the last window
 * ended:
 * <ul>
 * <li>one account from one client address: small, it stops guessing at one account;</li>
 * <li>one account from any address: looser, it stops guessing from many addresses at once. An address that signed
 * in to the account before (within {@link #REMEMBERED_FOR}) is exempt, so an attacker who spends this budget
 * cannot lock a coach out of the place they work from;</li>
 * <li>one address for any account: larger still, it stops trying one password on many accounts. An address the
 * account signed in from before is exempt here too, for a shared address (an office, a proxy).</li>
 * </ul>
 * An attempt is counted in each budget before the password is checked (so parallel tries, on any server, cannot
 * overrun a budget) and given back when the password was right. The database sees keyed hashes (HMAC-SHA-256 with
 * a key of the servers) of accounts and addresses, never the usernames or addresses themselves.
 */
final class SignInThrottle {

    /** At most {@code attempts} failed sign-ins within {@code window}; then refused until the window ends. */
    record Budget(String description, int attempts, Duration window) {
    }

    static final Budget ACCOUNT_FROM_ADDRESS = new Budget("for this account from this address", 5,
            Duration.ofMinutes(15));
    static final Budget ACCOUNT = new Budget("for this account", 20, Duration.ofMinutes(15));
    static final Budget ADDRESS = new Budget("from this address", 100, Duration.ofMinutes(15));
    private static final Duration LONGEST_WINDOW = List.of(ACCOUNT_FROM_ADDRESS, ACCOUNT, ADDRESS).stream()
            .map(Budget::window).max(Duration::compareTo).orElseThrow();

    /** How long an address that signed in to an account stays exempt from that account's wider budgets. */
    static final Duration REMEMBERED_FOR = Duration.ofDays(30);
    /** The name of the servers' key for hashing accounts and addresses. */
    static final String KEY_NAME = "sign-in-throttle";
    /** Usernames are at most this long; a longer name given at sign-in counts under its first characters. */
    private static final int MAX_ACCOUNT = 100;

    /** A lock-out that a failed attempt started: the budget it spent, and until when. */
    record Lockout(Budget budget, String address, Instant until) {
    }

    private final SignInAttempts store;
    private final KeyedHash keyedHash;
    private final Clock clock;

    SignInThrottle(SignInAttempts store, byte[] key, Clock clock) {
        this.store = store;
        this.keyedHash = new KeyedHash(key);
        this.clock = clock;
    }

    /**
     * Counts an attempt in every budget that applies, or in none when one of them is spent.
     *
     * @param account the username given, known or not
     * @param address the client's address
     */
    Attempt attempt(String account, String address) {
        String name = account.length() > MAX_ACCOUNT ? account.substring(0, MAX_ACCOUNT) : account;
        List<Budget> budgets = new ArrayList<>();
        budgets.add(ACCOUNT_FROM_ADDRESS);
        Instant now = clock.instant();
        if (!store.remembered(hash("signed-in", name, address), now)) {
            budgets.add(ACCOUNT);
            budgets.add(ADDRESS);
        }
        List<Taken> taken = new ArrayList<>();
        for (Budget budget : budgets) {
            String keyHash = keyOf(budget, name, address);
            SignInAttempts.Count count = store.take(keyHash, budget.window(), LONGEST_WINDOW, now);
            Instant windowEnd = count.windowStart().plus(budget.window());
            if (count.attempts() > budget.attempts()) {
                store.giveBack(keyHash, count.windowStart());
                taken.forEach(this::giveBack);
                return new Attempt(name, address, List.of(), Duration.between(now, windowEnd), budget);
            }
            taken.add(new Taken(budget, keyHash, count.windowStart(), windowEnd,
                    count.attempts() == budget.attempts()));
        }
        return new Attempt(name, address, taken, null, null);
    }

    private String keyOf(Budget budget, String account, String address) {
        if (budget == ACCOUNT) {
            return hash(budget.description(), account, "");
        }
        return budget == ADDRESS ? hash(budget.description(), "", address) : hash(budget.description(), account, address);
    }

    private String hash(String purpose, String account, String address) {
        return HexFormat.of().formatHex(keyedHash.of(purpose, account, address));
    }

    /** An attempt counted in a budget's window; {@code last} when it was the budget's last one. */
    private record Taken(Budget budget, String keyHash, Instant windowStart, Instant windowEnd, boolean last) {
    }

    /** One sign-in attempt: refused, or admitted until the password is checked. */
    final class Attempt {

        private final String account;
        private final String address;
        private final List<Taken> taken;
        private final Duration retryAfter;
        private final Budget spent;

        private Attempt(String account, String address, List<Taken> taken, Duration retryAfter, Budget spent) {
            this.account = account;
            this.address = address;
            this.taken = taken;
            this.retryAfter = retryAfter;
            this.spent = spent;
        }

        /** How long until an attempt can be made again, when this one is refused without checking the password. */
        Optional<Duration> refusedFor() {
            return Optional.ofNullable(retryAfter);
        }

        /** The budget that refused this attempt. */
        Budget spentBudget() {
            return spent;
        }

        /** The password was right: the attempt is given back, and this address is remembered for the account. */
        void succeeded() {
            giveBackAll();
            store.clear(keyOf(ACCOUNT_FROM_ADDRESS, account, address));
            Instant now = clock.instant();
            store.remember(hash("signed-in", account, address), now.plus(REMEMBERED_FOR), now);
        }

        /** The password could not be checked: the attempt is given back, and counts for nothing. */
        void undecided() {
            giveBackAll();
        }

        private void giveBackAll() {
            taken.forEach(SignInThrottle.this::giveBack);
        }

        /** The password was wrong: the lock-outs this attempt started, by taking a budget's last attempt. */
        List<Lockout> failed() {
            return taken.stream().filter(Taken::last)
                    .map(t -> new Lockout(t.budget(), address, t.windowEnd()))
                    .toList();
        }
    }

    private void giveBack(Taken taken) {
        store.giveBack(taken.keyHash(), taken.windowStart());
    }
}

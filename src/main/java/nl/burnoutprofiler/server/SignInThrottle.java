package nl.burnoutprofiler.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Limits how often a password may be tried, so that guessing one takes years, and so that each refused try is
 * answered before any password is hashed.
 * <p>
 * Three budgets of attempts, each a token bucket that fills up again at the end of its window:
 * <ul>
 * <li>one account from one client address: small, it stops guessing at one account;</li>
 * <li>one account from any address: looser, it stops guessing from many addresses at once. An address that signed
 * in to the account before (within {@link #REMEMBERED_FOR}) is exempt, so an attacker who spends this budget
 * cannot lock a coach out of the place they work from;</li>
 * <li>one address for any account: larger still, it stops trying one password on many accounts. An address the
 * account signed in from before is exempt here too, for a shared address (an office, a proxy).</li>
 * </ul>
 * An attempt takes a token from each budget before the password is checked (so parallel tries cannot overrun a
 * budget) and gives it back when the password was right. Buckets live in a cache of bounded size that forgets a
 * bucket once its window has passed without use, when it would be full again anyway.
 */
final class SignInThrottle {

    /** At most {@code attempts} failed sign-ins within {@code window}; then refused until the window ends. */
    record Budget(String description, int attempts, Duration window) {
    }

    static final Budget ACCOUNT_FROM_ADDRESS = new Budget("for this account from this address", 5,
            Duration.ofMinutes(15));
    static final Budget ACCOUNT = new Budget("for this account", 20, Duration.ofMinutes(15));
    static final Budget ADDRESS = new Budget("from this address", 100, Duration.ofMinutes(15));

    /** How long an address that signed in to an account stays exempt from that account's wider budgets. */
    static final Duration REMEMBERED_FOR = Duration.ofDays(30);
    /** Usernames are at most this long; a longer name given at sign-in counts under its first characters. */
    private static final int MAX_ACCOUNT = 100;
    private static final long MAX_BUCKETS = 100_000;
    private static final long MAX_REMEMBERED = 50_000;

    /** A budget's bucket: for an account, an address, or both. */
    private record Key(Budget budget, String account, String address) {
    }

    /** A lock-out that a failed attempt started: the budget it spent, and until when. */
    record Lockout(Budget budget, String address, Instant until) {
    }

    private final Clock clock;
    private final TimeMeter timeMeter;
    private final Cache<Key, Bucket> buckets;
    private final Cache<Key, Boolean> signedInBefore;

    SignInThrottle(Clock clock) {
        this.clock = clock;
        this.timeMeter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanos(clock.instant());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        Ticker ticker = timeMeter::currentTimeNanos;
        Duration longestWindow = List.of(ACCOUNT_FROM_ADDRESS, ACCOUNT, ADDRESS).stream().map(Budget::window)
                .max(Duration::compareTo).orElseThrow();
        this.buckets = Caffeine.newBuilder().ticker(ticker).maximumSize(MAX_BUCKETS)
                .expireAfterAccess(longestWindow).build();
        this.signedInBefore = Caffeine.newBuilder().ticker(ticker).maximumSize(MAX_REMEMBERED)
                .expireAfterWrite(REMEMBERED_FOR).build();
    }

    /**
     * Takes an attempt from every budget that applies, or from none when one of them is spent.
     *
     * @param account the username given, known or not
     * @param address the client's address
     */
    Attempt attempt(String account, String address) {
        String name = account.length() > MAX_ACCOUNT ? account.substring(0, MAX_ACCOUNT) : account;
        List<Key> keys = new ArrayList<>();
        keys.add(new Key(ACCOUNT_FROM_ADDRESS, name, address));
        if (signedInBefore.getIfPresent(new Key(null, name, address)) == null) {
            keys.add(new Key(ACCOUNT, name, null));
            keys.add(new Key(ADDRESS, null, address));
        }
        List<Taken> taken = new ArrayList<>();
        for (Key key : keys) {
            Bucket bucket = buckets.get(key, this::newBucket);
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                taken.forEach(Taken::giveBack);
                return new Attempt(name, address, List.of(),
                        Duration.ofNanos(probe.getNanosToWaitForRefill()), key.budget());
            }
            taken.add(new Taken(key, bucket, probe.getRemainingTokens() == 0));
        }
        return new Attempt(name, address, taken, null, null);
    }

    private Bucket newBucket(Key key) {
        Budget budget = key.budget();
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(budget.attempts())
                        .refillIntervally(budget.attempts(), budget.window()))
                .withCustomTimePrecision(timeMeter)
                .build();
    }

    private static long nanos(Instant instant) {
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }

    /** A token taken from a bucket; {@code last} when it was the bucket's last one. */
    private record Taken(Key key, Bucket bucket, boolean last) {
        void giveBack() {
            bucket.addTokens(1);
        }
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
            taken.forEach(Taken::giveBack);
            buckets.invalidate(new Key(ACCOUNT_FROM_ADDRESS, account, address));
            signedInBefore.put(new Key(null, account, address), Boolean.TRUE);
        }

        /** The password could not be checked: the attempt is given back, and counts for nothing. */
        void undecided() {
            taken.forEach(Taken::giveBack);
        }

        /** The password was wrong: the lock-outs this attempt started, by taking a budget's last attempt. */
        List<Lockout> failed() {
            return taken.stream().filter(Taken::last)
                    .map(t -> new Lockout(t.key().budget(), address, clock.instant().plus(untilRefill(t.bucket()))))
                    .toList();
        }

        private Duration untilRefill(Bucket bucket) {
            return Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
        }
    }
}

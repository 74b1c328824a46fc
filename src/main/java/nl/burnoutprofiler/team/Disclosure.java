package nl.burnoutprofiler.team;

import java.nio.ByteBuffer;
import java.util.OptionalInt;

import nl.burnoutprofiler.engine.team.TeamSignals;
import nl.burnoutprofiler.store.KeyedHash;

/**
 * What of a count may be shown to the organisation. A count below the minimum k is not shown at all; a count from k
 * up is rounded at random to a multiple of {@value #BASE}, up with a chance equal to its distance from the multiple
 * below (so rounding adds no bias). The chance is drawn from a keyed hash (HMAC-SHA-256) of the population the
 * count is taken from, so the same data always shows the same figures (asking again tells nothing new), while any
 * change to the population (a case more or less, a new meeting, a correction) draws every figure afresh: two views
 * that differ by one case differ by noise in every cell, not by that case.
 */
public final class Disclosure {

    /** Counts are shown as multiples of this. */
    public static final int BASE = 5;

    private final KeyedHash hash;
    private final int minimumCount;

    /**
     * @param key          a secret of the servers (never shown), so nobody can recompute the rounding
     * @param minimumCount k, at least {@value TeamSignals#LEAST_MINIMUM}
     */
    public Disclosure(byte[] key, int minimumCount) {
        if (minimumCount < TeamSignals.LEAST_MINIMUM) {
            throw new IllegalArgumentException("the minimum count of cases shown is never below "
                    + TeamSignals.LEAST_MINIMUM + ": " + minimumCount);
        }
        this.hash = new KeyedHash(key);
        this.minimumCount = minimumCount;
    }

    public int minimumCount() {
        return minimumCount;
    }

    /**
     * The count as it may be shown; empty when it is below the minimum.
     *
     * @param population what the count is taken from: a fingerprint of its cases and their counted meeting versions
     * @param cell       which count of that population
     */
    public OptionalInt show(String population, String cell, int count) {
        if (count < minimumCount) {
            return OptionalInt.empty();
        }
        int below = count - count % BASE;
        int rounded = draw(population, cell) * BASE < count % BASE ? below + BASE : below;
        // A shown figure is never under the minimum, or the page would show a "3" beside "< 5".
        while (rounded < minimumCount) {
            rounded += BASE;
        }
        return OptionalInt.of(rounded);
    }

    /** A uniform number in [0, 1) from the key, the population and the cell; times BASE compared with the remainder. */
    private double draw(String population, String cell) {
        long bits = ByteBuffer.wrap(hash.of(population, cell)).getLong() >>> 11;
        return bits / (double) (1L << 53);
    }
}

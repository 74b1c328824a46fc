package nl.burnoutprofiler.batch;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded window between the reader, the workers and the writer. The reader may be at most {@code capacity}
 * lines ahead of the writer, which is what keeps a run's memory constant whatever the size of the input; the
 * writer takes results in input order, whatever order the workers finish them in. A ring of {@code capacity}
 * slots is therefore enough: a line's slot is its sequence number modulo the capacity.
 */
final class OrderedWindow {

    private static final LineResult END = new LineResult.End();

    private final LineResult[] slots;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition spaceFree = lock.newCondition();
    private final Condition nextReady = lock.newCondition();
    private long issued;
    private long next;
    private boolean inputEnded;
    private LineResult.InputFailed inputFailure;

    OrderedWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("window must hold at least one line: " + capacity);
        }
        this.slots = new LineResult[capacity];
    }

    /** For the reader: the sequence number of the next line, waiting while the window is full. */
    long reserve() throws InterruptedException {
        lock.lock();
        try {
            while (issued - next >= slots.length) {
                spaceFree.await();
            }
            return issued++;
        } finally {
            lock.unlock();
        }
    }

    /** For the reader: no more lines will come. */
    void endOfInput() {
        lock.lock();
        try {
            inputEnded = true;
            nextReady.signal();
        } finally {
            lock.unlock();
        }
    }

    /** For the reader: reading failed; the writer gets this once it has taken every line read before. */
    void inputFailed(long afterLine, Throwable cause) {
        lock.lock();
        try {
            inputFailure = new LineResult.InputFailed(afterLine, cause);
            nextReady.signal();
        } finally {
            lock.unlock();
        }
    }

    /** For a worker: the result of the line with this sequence number. */
    void put(long sequence, LineResult result) {
        lock.lock();
        try {
            slots[slot(sequence)] = result;
            if (sequence == next) {
                nextReady.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * For the writer: the next result in input order, an {@link LineResult.End} or {@link LineResult.InputFailed}
     * when there is none left, or null when none came within the timeout.
     */
    LineResult take(long timeoutNanos) throws InterruptedException {
        long nanos = timeoutNanos;
        lock.lock();
        try {
            while (true) {
                int slot = slot(next);
                LineResult result = slots[slot];
                if (result != null) {
                    slots[slot] = null;
                    next++;
                    spaceFree.signal();
                    return result;
                }
                if (next == issued && inputFailure != null) {
                    return inputFailure;
                }
                if (next == issued && inputEnded) {
                    return END;
                }
                if (nanos <= 0) {
                    return null;
                }
                nanos = nextReady.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    private int slot(long sequence) {
        return (int) (sequence % slots.length);
    }
}

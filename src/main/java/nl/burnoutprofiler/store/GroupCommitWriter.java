package nl.burnoutprofiler.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

import javax.sql.DataSource;

/**
 * The transactions of an SQLite database, run by one thread, several to a commit. SQLite lets one transaction write
 * at a time, and with {@code synchronous=FULL} each commit waits for the disk; so the transactions that queue up
 * while one commits are run together in the next transaction, each under a savepoint of its own, and share its one
 * commit. Each caller gets its own result or exception; a failing one is rolled back to its savepoint and leaves
 * the others in the group as they are; a failing commit fails them all. Nothing is answered before its commit has
 * returned, so "acknowledged means durable" holds for each.
 */
final class GroupCommitWriter implements AutoCloseable {

    /** At most this many transactions share a commit, so that one commit's wait stays short. */
    private static final int MOST_PER_COMMIT = 32;

    private final DataSource dataSource;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    GroupCommitWriter(DataSource dataSource) {
        this.dataSource = dataSource;
        this.thread = new Thread(this::runUntilClosed, "burnout-profiler-store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code work} in a transaction, as {@link Jdbc#transaction} promises, and waits for its commit. */
    <T> T transaction(String doing, Jdbc.Work<T> work) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("a transaction of the store may not start another one");
        }
        if (closed) {
            throw new StoreException("Cannot " + doing + ": the database is closed");
        }
        Pending<T> pending = new Pending<>(doing, work);
        queue.add(pending);
        if (closed) {
            failAll(queue, "the database is closed");
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return pending.result.get();
                } catch (InterruptedException e) {
                    // The transaction may commit all the same: wait for what happened to it.
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw asUnchecked(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static RuntimeException asUnchecked(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(failure);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failAll(queue, "the database is closed");
    }

    private void runUntilClosed() {
        List<Pending<?>> group = new ArrayList<>(MOST_PER_COMMIT);
        while (!closed) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(group, MOST_PER_COMMIT - 1);
            runTogether(group);
            group.clear();
        }
    }

    private void runTogether(List<Pending<?>> group) {
        List<Pending<?>> done = new ArrayList<>(group.size());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (Pending<?> pending : group) {
                    if (runUnderSavepoint(connection, pending)) {
                        done.add(pending);
                    }
                }
                connection.commit();
            } catch (Throwable e) {
                rollback(connection, e);
                throw e;
            }
            for (Pending<?> pending : done) {
                pending.complete();
            }
        } catch (Throwable e) {
            // Including an Error of one caller's work: every caller of the group hears of it, and the writer goes on.
            for (Pending<?> pending : group) {
                pending.fail(e instanceof SQLException sql ? new StoreException("Cannot " + pending.doing, sql) : e);
            }
        }
    }

    /** True when the work succeeded; otherwise its changes are undone and its caller has its exception. */
    private static boolean runUnderSavepoint(Connection connection, Pending<?> pending) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            pending.run(connection);
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException | RuntimeException e) {
            // When this throws, the transaction itself is lost: the whole group fails.
            connection.rollback(savepoint);
            connection.releaseSavepoint(savepoint);
            pending.fail(e instanceof SQLException sql ? new StoreException("Cannot " + pending.doing, sql) : e);
            return false;
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void failAll(BlockingQueue<Pending<?>> queue, String reason) {
        List<Pending<?>> left = new ArrayList<>();
        queue.drainTo(left);
        for (Pending<?> pending : left) {
            pending.fail(new StoreException("Cannot " + pending.doing + ": " + reason));
        }
    }

    /** One caller's transaction: its work, and the result it waits for. */
    private static final class Pending<T> {
        final String doing;
        final Jdbc.Work<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();
        private T value;

        Pending(String doing, Jdbc.Work<T> work) {
            this.doing = doing;
            this.work = work;
        }

        void run(Connection connection) throws SQLException {
            value = work.run(connection);
        }

        /** After the commit: only now is the result given to its caller. */
        void complete() {
            result.complete(value);
        }

        void fail(Throwable failure) {
            result.completeExceptionally(failure);
        }
    }
}

package nl.burnoutprofiler.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.burnoutprofiler.engine.RuleSetException;

/**
 * Reloads the rule set when a file in the rule folder changes. Editors write a file in several steps, so a reload
 * waits until the folder has been quiet for a moment. A broken edit is logged with file, line and reason, and the
 * running rule set stays until the knowledge engineer saves a working one.
 */
final class RuleFolderWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuleFolderWatcher.class);
    private static final long QUIET_MILLIS = 400;

    private final LiveEngine engine;
    private final WatchService watchService;
    private final Thread thread;

    RuleFolderWatcher(LiveEngine engine) {
        this.engine = engine;
        try {
            this.watchService = FileSystems.getDefault().newWatchService();
            try (Stream<Path> folders = Files.walk(engine.rulesDirectory())) {
                for (Path folder : folders.filter(Files::isDirectory).toList()) {
                    folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch rule folder " + engine.rulesDirectory(), e);
        }
        this.thread = new Thread(this::watch, "rule-folder-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watchService.take();
                drain(key);
                WatchKey more;
                while ((more = watchService.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    private void reload() {
        try {
            engine.reload();
        } catch (RuleSetException e) {
            LOG.warn("rule folder changed, but the new rule set is refused; the running one stays:\n  {}",
                    String.join("\n  ", e.problems().stream().map(Object::toString).toList()));
        } catch (RuntimeException e) {
            LOG.warn("rule folder changed, but reloading failed; the running rule set stays", e);
        }
    }

    @Override
    public void close() {
        try {
            watchService.close();
        } catch (IOException e) {
            LOG.debug("closing the rule folder watcher", e);
        }
        thread.interrupt();
    }
}

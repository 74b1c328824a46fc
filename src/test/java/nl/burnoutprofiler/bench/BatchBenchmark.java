package nl.burnoutprofiler.bench;

import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

import nl.burnoutprofiler.batch.BatchAssessor;
import nl.burnoutprofiler.batch.BatchListener;
import nl.burnoutprofiler.batch.BatchProgress;
import nl.burnoutprofiler.batch.BatchSummary;
import nl.burnoutprofiler.batch.GeneratedIntakes;
import nl.burnoutprofiler.batch.RejectedLine;
import nl.burnoutprofiler.engine.CompactOutcome;
import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.IntakeValidator;
import nl.burnoutprofiler.engine.Outcome;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.json.IntakeJson;
import nl.burnoutprofiler.json.OutcomeJson;

/**
 * Benchmark of {@code assess-batch}'s core, {@link BatchAssessor}: one million varied intakes as NDJSON through all
 * cores, in a bounded heap. A plain {@code main}; surefire skips it ({@code *Benchmark*}). From the project folder:
 *
 * <pre>
 * mvn -q -B -DskipTests package &amp;&amp; java -Xmx512m -cp target/burnout-profiler.jar:target/test-classes nl.burnoutprofiler.bench.BatchBenchmark
 * </pre>
 *
 * <p>The intakes are made while being read ({@link GeneratedIntakes#reader}, on the batch's reader thread), not
 * read from a file: a million intakes are about 1.5 GB of NDJSON. The outcomes go to a writer that only counts
 * characters and lines. Printed: intakes/s over the whole run and once warm, the heap (peak used, and used after
 * each collection, which is the live set, through the run), CPU per thread role, and a one-thread breakdown of
 * one line's cost (generating, parsing, assessing, writing JSON, encoding UTF-8) to say where the time goes.
 *
 * <p>System properties (defaults in brackets): {@code bench.intakes} [1000000], {@code bench.threads} [processors],
 * {@code bench.rules} [rules], {@code bench.seed} [20261123], {@code bench.sample} lines in the breakdown [20000],
 * {@code bench.compact} compact outcomes as {@code assess-batch --compact} writes them, or the full ones [true].
 * Quick check: {@code -Dbench.intakes=50000 -Dbench.sample=2000}.
 */
public final class BatchBenchmark {

    /** Issue 12's target, for compact outcomes (assess-batch --compact); issue 2 asked 20,000/s of full ones. */
    static final double TARGET_PER_SECOND = 8_000;
    static final long TARGET_HEAP_BYTES = 512L << 20;

    static final long INTAKES = Long.getLong("bench.intakes", 1_000_000L);
    static final int THREADS = Integer.getInteger("bench.threads", BatchAssessor.defaultWorkers());
    static final long SEED = Long.getLong("bench.seed", 20261123L);
    static final int SAMPLE = Integer.getInteger("bench.sample", 20_000);
    /** Compact outcomes, as {@code assess-batch --compact} writes them; false for the full outcome. */
    static final boolean COMPACT = Boolean.parseBoolean(System.getProperty("bench.compact", "true"));

    /** Keeps the JIT from dropping the measured calls. */
    static volatile long sink;

    private BatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path rules = Path.of(System.getProperty("bench.rules", "rules"));
        ProfilerEngine engine = ProfilerEngine.fromDirectory(rules);
        GeneratedIntakes generated = new GeneratedIntakes(engine.catalogue(), SEED);
        printHeader(engine, rules);

        HeapWatch heap = new HeapWatch();
        CountingWriter out = new CountingWriter();
        ProgressLog progress = new ProgressLog(INTAKES);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long gcCount0 = AssessmentBenchmark.gcCount();
        long gcMs0 = AssessmentBenchmark.gcMillis();
        AssessmentBenchmark.CpuSample cpu0 = AssessmentBenchmark.CpuSample.now();
        long writerCpu0 = threads.getCurrentThreadCpuTime();

        System.out.printf(Locale.ROOT, "%nRunning %,d intakes through BatchAssessor with %d workers, %s outcomes ...%n",
                INTAKES, THREADS, COMPACT ? "compact" : "full");
        heap.start();
        BatchAssessor assessor = new BatchAssessor(engine, THREADS);
        BatchSummary summary = (COMPACT ? assessor.compactOutcomes() : assessor).run(generated.reader(INTAKES), out, progress);
        heap.stop();

        long writerCpu = threads.getCurrentThreadCpuTime() - writerCpu0;
        double otherCpu = AssessmentBenchmark.CpuSample.otherCpuPercent(cpu0, AssessmentBenchmark.CpuSample.now());
        long gcCount = AssessmentBenchmark.gcCount() - gcCount0;
        long gcMs = AssessmentBenchmark.gcMillis() - gcMs0;
        double seconds = summary.elapsed().toNanos() / 1e9;
        if (out.lines != summary.assessed()) {
            throw new IllegalStateException(out.lines + " outcome lines for " + summary.assessed() + " assessed");
        }

        System.out.println();
        System.out.println("=== Run ===");
        System.out.printf(Locale.ROOT, "intakes           : %,d read, %,d assessed, %,d rejected%n",
                summary.lines(), summary.assessed(), summary.rejected());
        System.out.printf(Locale.ROOT, "total time        : %.1f s%n", seconds);
        System.out.printf(Locale.ROOT, "intakes/s         : %,.0f over the whole run; %,.0f once warm (the last 80%% of lines)%n",
                summary.perSecond(), progress.warmRate());
        System.out.printf(Locale.ROOT, "output            : %,d outcome lines, %,.0f MB of JSON (%.1f kB per outcome)%n",
                out.lines, out.chars / 1e6, out.chars / 1e3 / Math.max(1, out.lines));
        System.out.printf(Locale.ROOT, "per type          : %s%n", summary.types());
        System.out.printf(Locale.ROOT, "per stage         : %s%n", summary.stages());
        System.out.printf(Locale.ROOT, "per safety status : %s%n", summary.safety());
        System.out.printf(Locale.ROOT, "GC                : %d collections, %,d ms (%.1f%% of the wall time)%n",
                gcCount, gcMs, 100.0 * gcMs / (seconds * 1000));
        System.out.printf(Locale.ROOT, "other processes   : %s of the machine's CPU during the run%n",
                AssessmentBenchmark.pct(otherCpu));

        System.out.println();
        System.out.println("=== Heap ===");
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf(Locale.ROOT, "max heap (-Xmx)           : %,d MB%n", max >> 20);
        System.out.printf(Locale.ROOT, "peak used (sampled 20 ms) : %,d MB%n", heap.peakUsed >> 20);
        System.out.printf(Locale.ROOT, "peak used (pool peaks)    : %,d MB%n", heap.poolPeaks() >> 20);
        System.out.printf(Locale.ROOT, "used after GC, max        : %,d MB (the live set; %d collections seen)%n",
                heap.maxAfterGc() >> 20, heap.afterGc.size());
        System.out.printf(Locale.ROOT, "used after GC through run : %s%n", heap.afterGcByQuarter(progress));

        System.out.println();
        System.out.println("=== Where the time goes ===");
        Map<String, Long> cpu = new TreeMap<>(heap.threadCpu);
        long workersCpu = cpu.entrySet().stream().filter(e -> e.getKey().startsWith("batch-worker"))
                .mapToLong(Map.Entry::getValue).sum();
        long readerCpu = cpu.getOrDefault("batch-reader", 0L);
        long processCpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() - heap.processCpu0;
        System.out.printf(Locale.ROOT, "CPU of this process during the run: %.1f s on %d CPUs for %.1f s (%.0f%% of the machine)%n",
                processCpu / 1e9, Runtime.getRuntime().availableProcessors(), seconds,
                100 * processCpu / 1e9 / (seconds * Runtime.getRuntime().availableProcessors()));
        row("workers (parse, assess, write JSON)", workersCpu, processCpu, summary.lines());
        row("reader (generate NDJSON, split lines)", readerCpu, processCpu, summary.lines());
        row("writer (order, copy to the writer)", writerCpu, processCpu, summary.lines());
        row("rest (GC, JIT, sampling)", processCpu - workersCpu - readerCpu - writerCpu, processCpu, summary.lines());

        Breakdown breakdown = Breakdown.measure(engine, generated, SAMPLE);
        breakdown.print();
        double workerCapacity = THREADS * 1e6 / breakdown.workerUs();
        double coreCapacity = Runtime.getRuntime().availableProcessors() * 1e6 / breakdown.totalUs();
        System.out.printf(Locale.ROOT, "Ceiling from these costs: %d workers x 1 / %.0f us = %,.0f intakes/s if the workers had the CPUs"
                + " to themselves; %d CPUs / %.0f us (all the work of a line) = %,.0f intakes/s%n",
                THREADS, breakdown.workerUs(), workerCapacity, Runtime.getRuntime().availableProcessors(),
                breakdown.totalUs(), coreCapacity);

        System.out.println();
        System.out.println("=== Verdicts ===");
        AssessmentBenchmark.verdict("1,000,000 " + (COMPACT ? "compact" : "full") + " outcomes at >= 8,000/s",
                summary.perSecond() >= TARGET_PER_SECOND
                && summary.lines() >= 1_000_000, AssessmentBenchmark.fmt("%,.0f/s over %,d", summary.perSecond(), summary.lines()));
        AssessmentBenchmark.verdict("heap < 512 MB (run with -Xmx512m)", heap.peakUsed < TARGET_HEAP_BYTES
                && max <= TARGET_HEAP_BYTES, AssessmentBenchmark.fmt("peak %,d MB used, live <= %,d MB, -Xmx %,d MB",
                heap.peakUsed >> 20, heap.maxAfterGc() >> 20, max >> 20));
        if (max > TARGET_HEAP_BYTES) {
            System.out.println("(the heap verdict needs -Xmx512m: only then does the run prove it fits)");
        }
    }

    static void row(String what, long cpuNs, long processCpuNs, long lines) {
        System.out.printf(Locale.ROOT, "  %-40s %7.1f s CPU  %5.1f%%  %6.1f us per intake%n", what, cpuNs / 1e9,
                100.0 * cpuNs / processCpuNs, cpuNs / 1e3 / Math.max(1, lines));
    }

    static void printHeader(ProfilerEngine engine, Path rules) {
        Runtime rt = Runtime.getRuntime();
        List<String> gcs = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs.add(gc.getName());
        }
        System.out.println("=== burnout-profiler BatchBenchmark ===");
        System.out.printf(Locale.ROOT, "JVM: %s %s (%s), %d CPUs, max heap %d MB, GC %s, args %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"), System.getProperty("os.arch"),
                rt.availableProcessors(), rt.maxMemory() >> 20, gcs,
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf(Locale.ROOT, "Rule set %s from %s (%s): %d rules, %d observation codes; seed %d%n",
                engine.ruleSetVersion(), rules.toAbsolutePath().normalize(),
                engine.usesPrecompiledRules() ? "precompiled" : "compiled at load", engine.rules().size(),
                engine.catalogue().codes().size(), SEED);
    }

    /** The outcomes' destination: counts characters and lines and keeps nothing. */
    static final class CountingWriter extends Writer {
        long chars;
        long lines;

        @Override
        public void write(String text, int offset, int length) {
            chars += length;
        }

        @Override
        public void write(int c) {
            chars++;
            if (c == '\n') {
                lines++;
            }
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(buffer[i]);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** Progress every 10 s on the console, and (time, lines) points for the warm rate. */
    static final class ProgressLog implements BatchListener {
        private final long total;
        final List<long[]> points = new ArrayList<>();
        private long lastPrinted;

        ProgressLog(long total) {
            this.total = total;
        }

        @Override
        public void rejected(RejectedLine line) {
            System.out.println("  rejected: " + line.messages());
        }

        @Override
        public void progress(BatchProgress progress) {
            points.add(new long[] {progress.elapsed().toNanos(), progress.handled()});
            if (progress.elapsed().toSeconds() >= lastPrinted + 10) {
                lastPrinted = progress.elapsed().toSeconds();
                System.out.printf(Locale.ROOT, "  %4d s: %,9d lines (%4.1f%%), %,6.0f/s so far%n", lastPrinted,
                        progress.handled(), 100.0 * progress.handled() / total, progress.perSecond());
            }
        }

        /** Lines per second from the point 20% of the lines were done to the end. */
        double warmRate() {
            long[] last = points.get(points.size() - 1);
            for (long[] point : points) {
                if (point[1] >= last[1] / 5) {
                    return last[0] == point[0] ? Double.NaN : (last[1] - point[1]) * 1e9 / (last[0] - point[0]);
                }
            }
            return Double.NaN;
        }

        /** Nanoseconds into the run at which {@code fraction} of the lines were done. */
        long timeAt(double fraction) {
            long[] last = points.get(points.size() - 1);
            for (long[] point : points) {
                if (point[1] >= fraction * last[1]) {
                    return point[0];
                }
            }
            return last[0];
        }
    }

    /**
     * Watches the heap while the batch runs: used heap sampled every 20 ms, used heap after every collection (GC
     * notifications), and the CPU time of the batch's threads, which are gone when the run returns.
     */
    static final class HeapWatch {
        final List<long[]> afterGc = new ArrayList<>(); // {ns since start, bytes used after the collection}
        final Map<String, Long> threadCpu = new ConcurrentHashMap<>();
        volatile long peakUsed;
        long processCpu0;
        private long started;
        private volatile boolean running;
        private Thread sampler;

        void start() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (!running || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        return;
                    }
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = 0;
                    for (MemoryUsage usage : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                        used += usage.getUsed();
                    }
                    synchronized (afterGc) {
                        afterGc.add(new long[] {System.nanoTime() - started, used});
                    }
                }, null, null);
            }
            processCpu0 = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            started = System.nanoTime();
            running = true;
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            sampler = new Thread(() -> {
                while (running) {
                    peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                        if (info != null && info.getThreadName().startsWith("batch-")) {
                            long cpu = threads.getThreadCpuTime(info.getThreadId());
                            if (cpu > 0) {
                                threadCpu.merge(info.getThreadName(), cpu, Math::max);
                            }
                        }
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            sampler.setDaemon(true);
            sampler.start();
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
        }

        long poolPeaks() {
            long sum = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    sum += pool.getPeakUsage().getUsed();
                }
            }
            return sum;
        }

        long maxAfterGc() {
            synchronized (afterGc) {
                return afterGc.stream().mapToLong(point -> point[1]).max().orElse(0);
            }
        }

        /** The heap used after the last collection before 25, 50, 75 and 100% of the lines were done. */
        String afterGcByQuarter(ProgressLog progress) {
            List<String> parts = new ArrayList<>();
            synchronized (afterGc) {
                for (int quarter = 1; quarter <= 4; quarter++) {
                    long at = progress.timeAt(quarter / 4.0);
                    long used = -1;
                    for (long[] point : afterGc) {
                        if (point[0] <= at) {
                            used = point[1];
                        }
                    }
                    parts.add(String.format(Locale.ROOT, "%d%%: %s", quarter * 25, used < 0 ? "n/a" : (used >> 20) + " MB"));
                }
            }
            return String.join(", ", parts);
        }
    }

    /** One line's cost, part by part, on one thread with a warm JIT (after the run). */
    record Breakdown(int lines, double generateUs, double parseUs, double assessUs, double writeUs, double encodeUs) {

        static Breakdown measure(ProfilerEngine engine, GeneratedIntakes generated, int sample) {
            once(engine, generated, sample); // warm-up: the same code on the same lines
            return once(engine, generated, sample);
        }

        /** In chunks of a few hundred lines, so that no more than a chunk of 30 kB outcomes is held at once. */
        private static Breakdown once(ProfilerEngine engine, GeneratedIntakes generated, int sample) {
            IntakeJson json = new IntakeJson(new IntakeValidator(engine.catalogue()), Clock.systemDefaultZone());
            int chunk = 250;
            String[] lines = new String[chunk];
            Intake[] intakes = new Intake[chunk];
            Object[] outcomes = new Object[chunk];
            String[] written = new String[chunk];
            long[] ns = new long[5];
            long bytes = 0;
            long offset = INTAKES + 1; // lines the run did not see
            for (int from = 0; from < sample; from += chunk) {
                int n = Math.min(chunk, sample - from);
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    lines[i] = generated.line(offset + from + i);
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    intakes[i] = json.read(lines[i]);
                }
                long t2 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    outcomes[i] = COMPACT ? engine.assessCompact(intakes[i]) : engine.assess(intakes[i]);
                }
                long t3 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    written[i] = outcomes[i] instanceof CompactOutcome compact ? OutcomeJson.writeCompact(compact)
                            : OutcomeJson.writeCompact((Outcome) outcomes[i]);
                }
                long t4 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    bytes += written[i].getBytes(StandardCharsets.UTF_8).length;
                }
                long t5 = System.nanoTime();
                ns[0] += t1 - t0;
                ns[1] += t2 - t1;
                ns[2] += t3 - t2;
                ns[3] += t4 - t3;
                ns[4] += t5 - t4;
            }
            sink += bytes;
            double perLine = sample * 1e3; // ns in total to us per line
            return new Breakdown(sample, ns[0] / perLine, ns[1] / perLine, ns[2] / perLine, ns[3] / perLine,
                    ns[4] / perLine);
        }

        double workerUs() {
            return parseUs + assessUs + writeUs;
        }

        double totalUs() {
            return generateUs + workerUs();
        }

        void print() {
            double total = totalUs() + encodeUs;
            System.out.printf(Locale.ROOT, "One thread, %,d lines not seen in the run, after one warm-up pass over them (us per intake):%n", lines);
            part("generate the NDJSON line (benchmark only)", generateUs, total);
            part("parse + validate (IntakeJson.read)", parseUs, total);
            part(COMPACT ? "assess (ProfilerEngine.assessCompact)" : "assess (ProfilerEngine.assess)", assessUs, total);
            part("outcome to JSON (OutcomeJson.writeCompact)", writeUs, total);
            part("encode UTF-8 (what real output adds)", encodeUs, total);
        }

        private static void part(String what, double us, double total) {
            System.out.printf(Locale.ROOT, "  %-44s %8.1f us  %5.1f%%%n", what, us, 100 * us / total);
        }
    }
}

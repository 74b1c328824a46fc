package nl.burnoutprofiler.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * How many acknowledged intakes the embedded database loses to {@code kill -9}: the packaged server on a fresh data
 * folder, killed {@code -Dcrash.kills=N} times (default 20) while eight clients store intakes. Prints the figures;
 * a plain {@code main}, as the other benchmarks. Build the jar first, then from the project folder:
 *
 * <pre>
 * java -cp "target/test-classes:target/burnout-profiler.jar" nl.burnoutprofiler.cli.CrashBenchmark
 * </pre>
 */
public final class CrashBenchmark {

    private CrashBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int kills = Integer.getInteger("crash.kills", 20);
        Path folder = Files.createTempDirectory("crash-bench-");
        CrashRun.Result result;
        try {
            result = new CrashRun(folder, Map.of()).run(kills);
        } catch (AssertionError failed) {
            System.out.println("Embedded database: the run stopped: " + failed.getMessage());
            System.out.println("Data folder kept (server.log has the server's side): " + folder);
            return;
        }
        System.out.printf("Embedded database: %d kills, %d acknowledged intakes, %d missing after restart%s%n",
                result.kills(), result.acknowledged(), result.lost().size(),
                result.lost().isEmpty() ? "" : " (intake ids " + result.lost() + ")");
        System.out.println("Data folder kept: " + folder);
    }
}

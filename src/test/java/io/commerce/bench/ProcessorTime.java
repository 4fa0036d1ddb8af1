package io.commerce.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Processor time (user + system) spent by this JVM and by the PostgreSQL server's processes, read from
 * {@code /proc} (Linux only; elsewhere zero), so a run can say what each unit of work cost on each side.
 * PostgreSQL's share is every {@code postgres} process's own time plus what the postmaster collected from
 * backends that already ended.
 */
record ProcessorTime(Duration jvm, Duration postgres) {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux this runs on

    static ProcessorTime now() {
        var self = ticks(ProcessHandle.current().pid(), false);
        var postgres = ProcessHandle.allProcesses()
                .filter(p ->
                        p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .mapToLong(p -> ticks(
                        p.pid(), p.parent().map(parent -> !isPostgres(parent)).orElse(true)))
                .sum();
        return new ProcessorTime(duration(self), duration(postgres));
    }

    /** What was spent since {@code before}. */
    ProcessorTime since(ProcessorTime before) {
        return new ProcessorTime(jvm.minus(before.jvm), postgres.minus(before.postgres));
    }

    /** "JVM 41.2 s, PostgreSQL 20.3 s: 1372 + 676 = 2048 µs per message". */
    String per(long units, String unit) {
        return "processor time: JVM %.1f s, PostgreSQL %.1f s: %d + %d = %d µs per %s"
                .formatted(
                        jvm.toMillis() / 1000.0,
                        postgres.toMillis() / 1000.0,
                        micros(jvm, units),
                        micros(postgres, units),
                        micros(jvm.plus(postgres), units),
                        unit);
    }

    private static long micros(Duration time, long units) {
        return units == 0 ? 0 : time.toNanos() / 1000 / units;
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
    }

    /** utime + stime, and for the postmaster also its ended children's cutime + cstime. */
    private static long ticks(long pid, boolean withEndedChildren) {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields from the third of stat(5): utime is the 14th of stat, so index 11 here
            var own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return withEndedChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static Duration duration(long ticks) {
        return Duration.ofNanos((long) (ticks / TICKS_PER_SECOND * 1_000_000_000));
    }
}

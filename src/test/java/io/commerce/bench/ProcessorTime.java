package io.commerce.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Processor time (user + system) spent by this JVM and by the PostgreSQL server's processes, read from
 * {@code /proc} (Linux only; elsewhere zero), so a run can say what each unit of work cost on each side.
 * PostgreSQL's share is every {@code postgres} process's own time plus what the postmaster collected from
 * backends that already ended.
 */
public record ProcessorTime(Duration jvm, Duration postgres, Map<String, Long> jvmThreads) {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux this runs on

    public static ProcessorTime now() {
        var self = ticks(ProcessHandle.current().pid(), false);
        var postgres = ProcessHandle.allProcesses()
                .filter(p ->
                        p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .mapToLong(p -> ticks(
                        p.pid(), p.parent().map(parent -> !isPostgres(parent)).orElse(true)))
                .sum();
        return new ProcessorTime(duration(self), duration(postgres), threadTicks());
    }

    /** What was spent since {@code before}. */
    public ProcessorTime since(ProcessorTime before) {
        var threads = new TreeMap<String, Long>();
        jvmThreads.forEach((group, ticks) -> threads.put(group, ticks - before.jvmThreads.getOrDefault(group, 0L)));
        return new ProcessorTime(jvm.minus(before.jvm), postgres.minus(before.postgres), threads);
    }

    /**
     * "JVM by thread: JIT compiler 120, garbage collector 40, …µs per message": where the JVM's time went,
     * by the kind of thread (threads that ended within the window are missing, so the parts may sum to less).
     */
    public String jvmPer(long units, String unit) {
        var parts = new StringBuilder("JVM by thread, µs per " + unit + ":");
        jvmThreads.forEach((group, ticks) -> parts.append(" %s %d,".formatted(group, micros(duration(ticks), units))));
        return parts.substring(0, parts.length() - 1);
    }

    /** This JVM's threads' processor time in ticks, by kind: from {@code /proc/self/task/<tid>/stat}. */
    private static Map<String, Long> threadTicks() {
        var groups = new TreeMap<String, Long>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    var stat = Files.readString(task.resolve("stat"));
                    var name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    groups.merge(kind(name), Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return groups;
    }

    private static String kind(String threadName) {
        if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
            return "JIT compiler";
        }
        if (threadName.startsWith("G1") || threadName.startsWith("GC Thread") || threadName.startsWith("VM Thread")) {
            return "GC and VM";
        }
        if (threadName.startsWith("ForkJoinPool")) {
            return "virtual threads (requests, load generator)";
        }
        if (threadName.startsWith("listener")) {
            return "event listeners";
        }
        if (threadName.startsWith("http-nio")) {
            return "Tomcat poller and acceptor";
        }
        if (threadName.equals("main")) {
            return "main (the load generator's pacing)";
        }
        return "other";
    }

    /** "JVM 41.2 s, PostgreSQL 20.3 s: 1372 + 676 = 2048 µs per message". */
    public String per(long units, String unit) {
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

    /** The pid of the PostgreSQL server this connection reaches: its backend's parent, the postmaster. */
    public static long postmasterPid(JdbcClient jdbc) {
        var backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
        return ProcessHandle.of(backend)
                .flatMap(ProcessHandle::parent)
                .orElseThrow(() -> new IllegalStateException("PostgreSQL is not a process on this machine"))
                .pid();
    }

    /** The processor time (user + system) another process spent so far. */
    static Duration of(long pid) {
        return duration(ticks(pid, false));
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

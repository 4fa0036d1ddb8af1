package io.commerce.bench;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * The {@code bench} Maven profile's entry point: runs the benchmark named by {@code -Dbench=<SimpleName>},
 * found in this package or next to the code it measures (messaging's, its dispatcher's and journey's benchmarks
 * use package-private classes).
 */
public final class Benchmarks {

    private static final List<String> PACKAGES = List.of(
            "io.commerce.bench", "io.commerce.messaging", "io.commerce.messaging.dispatch", "io.commerce.journey");

    private Benchmarks() {}

    public static void main(String[] args) throws Throwable {
        var name = args[0];
        for (var pkg : PACKAGES) {
            Class<?> benchmark;
            try {
                benchmark = Class.forName(pkg + "." + name);
            } catch (ClassNotFoundException e) {
                continue;
            }
            try {
                benchmark.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return;
        }
        throw new IllegalArgumentException("no benchmark " + name + " in " + PACKAGES);
    }
}

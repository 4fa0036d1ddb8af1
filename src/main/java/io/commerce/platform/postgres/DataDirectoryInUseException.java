package io.commerce.platform.postgres;

import java.nio.file.Path;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A live process holds the lock of the embedded PostgreSQL's data folder: this service must not start. */
final class DataDirectoryInUseException extends IllegalStateException {

    private static final String ACTION =
            "Stop that service first, or give this one its own commerce.embedded-postgres.data-directory.";

    DataDirectoryInUseException(Path dataDirectory, Path lockFile) {
        super("Another service uses the data folder " + dataDirectory + " (it holds " + lockFile + ")");
    }

    /** Spring Boot's start-up report says so plainly, not under a stack of bean-creation errors. */
    static final class FailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
            return new FailureAnalysis(cause.getMessage(), ACTION, cause);
        }
    }
}

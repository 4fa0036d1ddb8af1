package io.commerce.messaging.channel;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The HTTP client every provider adapter uses (JDK HttpClient on virtual threads, with timeouts), and the one
 * reading of a send that got no answer from the provider.
 */
public final class ProviderEndpoint {

    private ProviderEndpoint() {}

    public static RestClient.Builder client(Duration timeout) {
        var http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        var factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(timeout);
        return RestClient.builder().requestFactory(factory);
    }

    /**
     * A send that got no answer. When no connection was ever made (refused, unresolved, connect timeout) the
     * provider cannot have seen it: sending again is safe. Anything later (a read timeout, a reset, a broken
     * response) may come after the provider accepted it, and neither the Cloud API nor Twilio has an
     * idempotency key: the outcome is unknown and the message must not be sent again at once (ADR 0006).
     */
    public static SendOutcome.Failed noAnswer(String provider, RestClientException e) {
        if (neverConnected(e)) {
            return new SendOutcome.Failed("NETWORK", provider + " unreachable: " + e.getMessage(), FailureKind.RETRY);
        }
        return new SendOutcome.Failed(
                "NO_ANSWER",
                provider + " gave no answer after the request was sent: " + e.getMessage(),
                FailureKind.UNKNOWN_OUTCOME);
    }

    private static boolean neverConnected(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof HttpConnectTimeoutException
                    || cause instanceof UnknownHostException
                    || cause instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }
}

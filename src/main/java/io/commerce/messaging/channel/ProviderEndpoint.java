package io.commerce.messaging.channel;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The HTTP client every provider adapter uses: JDK HttpClient on virtual threads, with timeouts. */
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
}

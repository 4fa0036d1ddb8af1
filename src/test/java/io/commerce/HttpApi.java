package io.commerce;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** The API over real HTTP with the test key, for tests that run the application on a port. */
public final class HttpApi {

    private final RestClient client;

    public HttpApi(int port) {
        this.client = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader("X-Api-Key", Api.KEY)
                .build();
    }

    public RestClient client() {
        return client;
    }

    public JsonNode get(String path) {
        return Fixtures.parse(client.get().uri(path).retrieve().body(String.class));
    }

    public JsonNode post(String path, String body) {
        return Fixtures.parse(client.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(String.class));
    }

    public void put(String path, String body) {
        client.put()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity();
    }
}

package io.techo.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.techo.gateway.proxy.Routes;
import io.techo.gateway.proxy.Upstream;
import io.techo.gateway.proxy.UpstreamCalls;
import io.vertx.core.MultiMap;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public API as one OpenAPI document: every service's own document ({@code /q/openapi}), keeping only the paths
 * the gateway routes, merged with shared schemas (first definition wins). A service that does not answer is listed
 * in the description rather than failing the whole document. The gateway's own login API is at {@code /q/openapi};
 * the Swagger UI ({@code /q/swagger-ui}) offers both.
 */
@Path("/openapi")
@Tag(name = "openapi")
public class AggregatedOpenApi {

    private final Routes routes;
    private final UpstreamCalls calls;
    private final ObjectMapper json;

    public AggregatedOpenApi(Routes routes, UpstreamCalls calls, ObjectMapper json) {
        this.routes = routes;
        this.calls = calls;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The OpenAPI document of every route the gateway serves")
    public Uni<ObjectNode> document() {
        List<Uni<Map.Entry<String, Optional<JsonNode>>>> fetches = new ArrayList<>();
        for (Upstream upstream : routes.upstreams()) {
            fetches.add(calls.get(upstream, "/q/openapi?format=json", MultiMap.caseInsensitiveMultiMap().add("Accept", "application/json"))
                    .map(fetched -> fetched.status() == 200 ? parse(fetched.body().getBytes()) : Optional.<JsonNode>empty())
                    .onFailure().recoverWithItem(Optional.empty())
                    .map(document -> Map.entry(upstream.name(), document)));
        }
        return Uni.join().all(fetches).andFailFast().map(this::merge);
    }

    private ObjectNode merge(List<Map.Entry<String, Optional<JsonNode>>> documents) {
        ObjectNode merged = json.createObjectNode().put("openapi", "3.0.3");
        ObjectNode info = merged.putObject("info").put("title", "Techo API (through the gateway)").put("version", "1");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode schemas = merged.putObject("components").putObject("schemas");
        merged.withObject("/components").putObject("securitySchemes").putObject("bearer")
                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Optional<JsonNode>> entry : documents) {
            if (entry.getValue().isEmpty()) {
                missing.add(entry.getKey());
                continue;
            }
            JsonNode document = entry.getValue().get();
            for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                if (routes.find(path.getKey()).isPresent()) {
                    paths.set(path.getKey(), path.getValue());
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = document.path("components").path("schemas").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> schema = it.next();
                if (!schemas.has(schema.getKey())) {
                    schemas.set(schema.getKey(), schema.getValue());
                }
            }
        }
        info.put("description", "Login: see the gateway's own document at /q/openapi."
                + (missing.isEmpty() ? "" : " Not available right now: " + String.join(", ", missing) + "."));
        merged.putArray("security").addObject().putArray("bearer");
        return merged;
    }

    private Optional<JsonNode> parse(byte[] body) {
        try {
            return Optional.of(json.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

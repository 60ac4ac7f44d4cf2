package com.tierpoint.core.grpc;

import com.tierpoint.core.auth.ApiKeys;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tierpoint.auth.clients[i].{id,key-sha256,scopes}}: internal clients. Keys are configured
 * only as SHA-256 hashes ({@code java -jar core-server.jar cli hash-key KEY} prints one).
 */
@ConfigurationProperties("tierpoint.auth")
public record AuthProperties(List<ApiKeys.Client> clients) {

    public AuthProperties {
        clients = clients == null ? List.of() : List.copyOf(clients);
    }
}

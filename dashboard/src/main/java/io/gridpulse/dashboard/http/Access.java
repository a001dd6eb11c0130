package io.gridpulse.dashboard.http;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Who may look: anyone on loopback when no token is set; otherwise only requests that carry the
 * token, as a bearer token ({@code Authorization: Bearer ...}, for scripts) or as the password of
 * HTTP basic auth (any user name, so a browser asks for it).
 */
final class Access {

    private final byte[] token;

    /**
     * @param token the shared secret, or null/empty for none (only allowed on loopback; see
     *     DashboardMain)
     */
    Access(String token) {
        this.token =
                token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    boolean required() {
        return token != null;
    }

    boolean allows(HttpExchange exchange) {
        if (token == null) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return false;
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return matches(header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String userAndPassword =
                        new String(
                                Base64.getDecoder().decode(header.substring(6).trim()),
                                StandardCharsets.UTF_8);
                int colon = userAndPassword.indexOf(':');
                return colon >= 0
                        && matches(
                                userAndPassword
                                        .substring(colon + 1)
                                        .getBytes(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    /** Constant time, so the answer's timing does not tell how much of a guess was right. */
    private boolean matches(byte[] offered) {
        return MessageDigest.isEqual(token, offered);
    }
}

package io.commerce.messaging.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The sandbox's provider stand-ins answer only the service itself: a caller from another machine could
 * otherwise make the sandbox post signed statuses for any message.
 */
final class LocalCaller {

    private LocalCaller() {}

    static boolean isLocal(HttpServletRequest request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

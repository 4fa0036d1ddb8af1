package io.commerce.messaging.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures, computed the providers' way and compared in constant time: Meta's {@code
 * X-Hub-Signature-256} (hex HMAC-SHA256 of the raw body with the app secret) and Twilio's {@code
 * X-Twilio-Signature} (base64 HMAC-SHA1 of the URL followed by the POST parameters sorted by name).
 */
public final class Signatures {

    private Signatures() {}

    public static String hubSignature(String appSecret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", appSecret, body));
    }

    public static boolean hubSignatureMatches(String appSecret, byte[] body, String header) {
        return appSecret != null && header != null && constantTimeEquals(hubSignature(appSecret, body), header);
    }

    public static String twilioSignature(String authToken, String url, Map<String, String> params) {
        var data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        return Base64.getEncoder()
                .encodeToString(hmac("HmacSHA1", authToken, data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    public static boolean twilioSignatureMatches(
            String authToken, String url, Map<String, String> params, String header) {
        return authToken != null
                && header != null
                && constantTimeEquals(twilioSignature(authToken, url, params), header);
    }

    private static boolean constantTimeEquals(String expected, String presented) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String algorithm, String key, byte[] data) {
        try {
            var mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JRE", e);
        }
    }
}

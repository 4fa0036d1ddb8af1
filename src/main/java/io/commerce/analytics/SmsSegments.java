package io.commerce.analytics;

/**
 * How many segments an SMS text takes, as carriers bill it: GSM-7 when every character is in the GSM 03.38
 * alphabet (160 per message, 153 per part of a longer one; the extension table's characters take two), else
 * UCS-2 (70 UTF-16 units, 67 per part).
 */
final class SmsSegments {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {}

    static int count(String text) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        var septets = 0;
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                return parts(text.length(), 70, 67);
            }
        }
        return parts(septets, 160, 153);
    }

    private static int parts(int length, int single, int perPart) {
        return length <= single ? 1 : (length + perPart - 1) / perPart;
    }
}

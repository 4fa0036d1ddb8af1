package io.commerce.messaging.sandbox;

import io.commerce.messaging.sms.SmsSecrets;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stand-in for Twilio's {@code POST /2010-04-01/Accounts/{sid}/Messages.json}, active while no SMS
 * credentials are set: it checks basic auth, answers 201 with a message {@code sid}, and posts signed
 * status callbacks (sent, delivered) to the message's {@code StatusCallback}.
 */
@Hidden
@RestController
@Conditional(SandboxMode.Sms.class)
class SmsSandbox {

    private static final Logger log = LoggerFactory.getLogger(SmsSandbox.class);

    private final SandboxCallbacks callbacks;
    private final SandboxProperties properties;
    private final SmsSecrets secrets;

    SmsSandbox(SandboxCallbacks callbacks, SandboxProperties properties, SmsSecrets secrets) {
        this.callbacks = callbacks;
        this.properties = properties;
        this.secrets = secrets;
    }

    @PostMapping("/sandbox/sms/2010-04-01/Accounts/{accountSid}/Messages.json")
    ResponseEntity<Map<String, Object>> messages(
            @PathVariable String accountSid,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            HttpServletRequest request,
            @RequestParam Map<String, String> params) {
        var expected = "Basic "
                + Base64.getEncoder()
                        .encodeToString((accountSid + ":" + secrets.authToken()).getBytes(StandardCharsets.UTF_8));
        if (!LocalCaller.isLocal(request) || !expected.equals(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(Map.of("code", 20003, "message", "Authenticate", "status", 401));
        }
        var to = params.get("To");
        if (to == null || params.get("Body") == null) {
            return ResponseEntity.badRequest()
                    .body(Map.of(
                            "code", 21604, "message", "A 'To' phone number and a 'Body' are required.", "status", 400));
        }
        var sid = "SM" + HexFormat.of().formatHex(WhatsAppSandbox.randomBytes()) + "abcdef01";
        log.info("sandbox SMS: accepted a message to {}", WhatsAppSandbox.mask(to));
        var callback = params.get("StatusCallback");
        if (callback != null) {
            var delay = properties.statusDelay();
            callbacks.smsLater(delay, callback, status(sid, accountSid, params, "sent"));
            callbacks.smsLater(delay.multipliedBy(2), callback, status(sid, accountSid, params, "delivered"));
        }
        var response = new LinkedHashMap<String, Object>();
        response.put("sid", sid);
        response.put("account_sid", accountSid);
        response.put("to", to);
        response.put("from", params.get("From"));
        response.put("body", params.get("Body"));
        response.put("status", "queued");
        response.put("api_version", "2010-04-01");
        return ResponseEntity.status(HttpStatus.CREATED).body(response);
    }

    private static Map<String, String> status(String sid, String accountSid, Map<String, String> sent, String status) {
        var params = new LinkedHashMap<String, String>();
        params.put("MessageSid", sid);
        params.put("SmsSid", sid);
        params.put("AccountSid", accountSid);
        params.put("MessageStatus", status);
        params.put("SmsStatus", status);
        params.put("To", sent.get("To"));
        params.put("From", sent.getOrDefault("From", ""));
        params.put("ApiVersion", "2010-04-01");
        return params;
    }
}

package io.commerce.messaging.sandbox;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** When a channel runs on the simulator: its credentials are not configured. */
final class SandboxMode {

    private SandboxMode() {}

    /** No {@code WHATSAPP_ACCESS_TOKEN}. */
    static final class WhatsApp implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(
                    context.getEnvironment().getProperty("commerce.messaging.whatsapp.access-token"));
        }
    }

    /** No {@code SMS_ACCOUNT_SID} or {@code SMS_AUTH_TOKEN}. */
    static final class Sms implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var environment = context.getEnvironment();
            return !StringUtils.hasText(environment.getProperty("commerce.messaging.sms.account-sid"))
                    || !StringUtils.hasText(environment.getProperty("commerce.messaging.sms.auth-token"));
        }
    }

    /** Either channel on the simulator: the customer can be played. */
    static final class Any implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return new WhatsApp().matches(context, metadata) || new Sms().matches(context, metadata);
        }
    }
}

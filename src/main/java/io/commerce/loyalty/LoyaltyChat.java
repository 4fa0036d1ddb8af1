package io.commerce.loyalty;

import io.commerce.conversation.CustomerReply;
import io.commerce.conversation.MenuChoice;
import io.commerce.conversation.ReplyHandler;
import io.commerce.customer.CustomerProfile;
import io.commerce.customer.CustomerService;
import io.commerce.messaging.OutboundContent;
import io.commerce.shared.Channel;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The balance one message away: a customer who writes "points", "puntos" or "punten" (or taps "My points" in the
 * bot's menu) gets their points, tier, what lapses soon and the rewards they can afford, as a list to tap on
 * WhatsApp (as text to answer on SMS: "REDEEM five-off"); a reward tapped or named is redeemed at once and its
 * code sent back. Answers in the customer's language, on the channel they wrote on.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // before a journey waiting for an answer: it takes only its own words and rows
class LoyaltyChat implements ReplyHandler, MenuChoice {

    static final String SHOW = "LOYALTY_POINTS";
    static final String REDEEM = "LOYALTY_REDEEM:";

    private static final Set<String> ASKING =
            Set.of("points", "my points", "puntos", "mis puntos", "punten", "mijn punten");
    private static final Pattern REDEEMING = Pattern.compile("(?:redeem|canjear|inwisselen)\\s+([a-z0-9_-]{1,64})");
    private static final int LIST_ROWS = 10; // WhatsApp's most rows in a list

    private final Standings standings;
    private final Redemptions redemptions;
    private final CustomerService customers;
    private final LoyaltyMessages messages;

    LoyaltyChat(Standings standings, Redemptions redemptions, CustomerService customers, LoyaltyMessages messages) {
        this.standings = standings;
        this.redemptions = redemptions;
        this.customers = customers;
        this.messages = messages;
    }

    @Override
    public boolean take(CustomerReply reply) {
        var payload = reply.payload();
        var text = normalized(reply.text());
        String rewardId = null;
        if (payload != null && payload.startsWith(REDEEM)) {
            rewardId = payload.substring(REDEEM.length());
        } else {
            var named = REDEEMING.matcher(text);
            if (named.matches()) {
                rewardId = named.group(1);
            } else if (!SHOW.equals(payload) && !ASKING.contains(text)) {
                return false;
            }
        }
        var customer = customers.find(reply.customerId());
        if (customer.isEmpty()) {
            return false;
        }
        var answer = rewardId == null ? balance(customer.get(), reply.channel()) : redeem(customer.get(), rewardId);
        messages.answer(reply.customerId(), reply.channel(), answer);
        return true;
    }

    @Override
    public String id() {
        return SHOW;
    }

    @Override
    public String title(Locale language) {
        return messages.say("menu.title", language);
    }

    @Override
    public String description(Locale language) {
        return messages.say("menu.description", language);
    }

    private OutboundContent balance(CustomerProfile customer, Channel channel) {
        var language = LoyaltyMessages.locale(customer);
        var program = standings.program();
        var view = standings.of(customer.customerId());
        var lines = new ArrayList<String>();
        lines.add(messages.say("balance", language, view.points()));
        if (view.pendingPoints() > 0) {
            lines.add(messages.say("balance.pending", language, view.pendingPoints()));
        }
        if (view.tier() != null) {
            lines.add(messages.say("balance.tier", language, view.tier()));
        }
        if (view.nextTier() != null && view.spendToNextTier() != null) {
            lines.add(messages.say(
                    "balance.next-tier",
                    language,
                    view.spendToNextTier().toPlainString(),
                    view.currency(),
                    view.nextTier()));
        }
        if (!view.expiring().isEmpty()) {
            var first = view.expiring().getFirst();
            lines.add(messages.say(
                    "balance.expiring", language, first.points(), LoyaltyMessages.date(first.expiresAt(), customer)));
        }
        var affordable = program.rewards().stream()
                .filter(reward -> reward.points() <= view.points())
                .limit(LIST_ROWS)
                .toList();
        if (affordable.isEmpty()) {
            var next = program.rewards().stream().min(Comparator.comparingInt(LoyaltyProgram.Reward::points));
            lines.add(next.map(reward -> messages.say("rewards.next", language, reward.name(), reward.points()))
                    .orElseGet(() -> messages.say("rewards.none", language)));
            return new OutboundContent.Text(String.join("\n", lines), false);
        }
        if (channel == Channel.SMS) {
            lines.add(messages.say("rewards.sms", language));
            affordable.forEach(reward -> lines.add(
                    messages.say("rewards.sms-line", language, reward.rewardId(), reward.name(), reward.points())));
            return new OutboundContent.Text(String.join("\n", lines), false);
        }
        lines.add(messages.say("rewards.pick", language));
        var rows = affordable.stream()
                .map(reward -> new OutboundContent.Row(
                        REDEEM + reward.rewardId(),
                        reward.name(),
                        messages.say("rewards.row", language, reward.points())))
                .toList();
        return new OutboundContent.ListMenu(
                null,
                String.join("\n", lines),
                null,
                messages.say("rewards.button", language),
                List.of(new OutboundContent.Section(messages.say("rewards.section", language), rows)));
    }

    private OutboundContent redeem(CustomerProfile customer, String rewardId) {
        var language = LoyaltyMessages.locale(customer);
        String said;
        try {
            var redeemed = redemptions.redeem(customer.customerId(), rewardId);
            var reward = standings.program().reward(redeemed.rewardId()).orElseThrow();
            said = messages.say(
                    "redeemed",
                    language,
                    reward.name(),
                    redeemed.code(),
                    LoyaltyMessages.date(redeemed.expiresAt(), customer));
        } catch (InsufficientPointsException notEnough) {
            var view = standings.of(customer.customerId());
            var needed = standings
                    .program()
                    .reward(rewardId)
                    .map(LoyaltyProgram.Reward::points)
                    .orElse(0);
            said = messages.say("not-enough", language, view.points(), needed);
        } catch (RewardNotFoundException unknown) {
            said = messages.say("unknown-reward", language);
        }
        return new OutboundContent.Text(said, false);
    }

    /** Lower case, accents and punctuation gone, spaces single: "¡Puntos!" → "puntos". */
    static String normalized(@Nullable String text) {
        if (text == null) {
            return "";
        }
        var plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_\\- ]", " ")
                .replaceAll("\\s+", " ")
                .strip();
    }
}

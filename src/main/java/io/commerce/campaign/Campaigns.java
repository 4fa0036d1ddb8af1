package io.commerce.campaign;

import io.commerce.shared.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The campaign table. Due campaigns are claimed with {@code FOR UPDATE SKIP LOCKED} and a lease (token and
 * expiry): the launch commits only while its launcher still holds the claim, so a campaign is launched once
 * even with several launchers, and one whose launcher died is claimed again when the lease runs out.
 */
@Repository
class Campaigns {

    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Campaigns(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Campaign campaign) {
        jdbc.sql("""
                        insert into campaign (id, name, template_key, params, channel, segment, status, scheduled_at,
                                              created_at, updated_at, experiment, early_access, launch_at, flash_sale)
                        values (:id, :name, :template, cast(:params as jsonb), :channel, cast(:segment as jsonb),
                                'SCHEDULED', :scheduledAt, :now, :now, cast(:experiment as jsonb), :earlyAccess,
                                :launchAt, cast(:flashSale as jsonb))
                        """)
                .param("id", campaign.id())
                .param("name", campaign.name())
                .param("template", campaign.template())
                .param("params", json.writeValueAsString(campaign.params()))
                .param("channel", campaign.channel().name())
                .param("segment", json.writeValueAsString(campaign.segment()))
                .param("scheduledAt", ts(campaign.scheduledAt()))
                .param("now", ts(campaign.createdAt()))
                .param("experiment", json.writeValueAsString(campaign.experiment()))
                .param("earlyAccess", campaign.earlyAccess())
                .param("launchAt", ts(campaign.launchAt()))
                .param("flashSale", campaign.flashSale() == null ? null : json.writeValueAsString(campaign.flashSale()))
                .update();
    }

    Optional<Campaign> find(UUID id) {
        return jdbc.sql("select * from campaign where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** The campaign, locked until the transaction ends (a cancellation waits for a launch committing). */
    Optional<Campaign> lock(UUID id) {
        return jdbc.sql("select * from campaign where id = :id for update")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    List<Campaign> list(long offset, int limit) {
        return jdbc.sql("select * from campaign order by created_at desc, id limit :limit offset :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query(this::map)
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from campaign").query(Long.class).single();
    }

    /**
     * Claims up to {@code limit} campaigns that are due, or whose launcher's lease ran out, for one launcher:
     * rows another launcher is claiming are skipped, not waited for.
     */
    List<Campaign> claimDue(Instant now, Duration lease, int limit) {
        return jdbc.sql("""
                        update campaign c set status = 'LAUNCHING', claim_token = :token, claimed_until = :until,
                                              launch_attempts = c.launch_attempts + 1, updated_at = :now
                          from (select id from campaign
                                 where (status = 'SCHEDULED' and launch_at <= :now)
                                    or (status = 'LAUNCHING' and claimed_until < :now)
                                 order by launch_at
                                 limit :limit
                                 for update skip locked) due
                         where c.id = due.id
                        returning c.*
                        """)
                .param("token", UUID.randomUUID())
                .param("until", ts(now.plus(lease)))
                .param("now", ts(now))
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /** Launched with this audience; false when the claim was lost (cancelled meanwhile, or taken over). */
    boolean markLaunched(Campaign claimed, int audienceSize, Instant now) {
        return jdbc.sql("""
                                update campaign set status = 'LAUNCHED', audience_size = :size, launched_at = :now,
                                                    claim_token = null, claimed_until = null, updated_at = :now
                                 where id = :id and claim_token = :token and status = 'LAUNCHING'
                                """)
                        .param("size", audienceSize)
                        .param("now", ts(now))
                        .param("id", claimed.id())
                        .param("token", claimed.claimToken())
                        .update()
                == 1;
    }

    void markFailed(Campaign claimed, String reason, Instant now) {
        jdbc.sql("""
                        update campaign set status = 'FAILED', failure_reason = :reason, claim_token = null,
                                            claimed_until = null, updated_at = :now
                         where id = :id and claim_token = :token and status = 'LAUNCHING'
                        """)
                .param("reason", reason)
                .param("now", ts(now))
                .param("id", claimed.id())
                .param("token", claimed.claimToken())
                .update();
    }

    /** Gives the claim back after a failed launch: the campaign may be claimed again from {@code retryAt}. */
    void retryLater(Campaign claimed, Instant retryAt, Instant now) {
        jdbc.sql("""
                        update campaign set claim_token = null, claimed_until = :retryAt, updated_at = :now
                         where id = :id and claim_token = :token and status = 'LAUNCHING'
                        """)
                .param("retryAt", ts(retryAt))
                .param("now", ts(now))
                .param("id", claimed.id())
                .param("token", claimed.claimToken())
                .update();
    }

    void markCancelled(UUID id, Instant now) {
        jdbc.sql("""
                        update campaign set status = 'CANCELLED', cancelled_at = :now, claim_token = null,
                                            claimed_until = null, updated_at = :now
                         where id = :id
                        """).param("now", ts(now)).param("id", id).update();
    }

    /**
     * Launched flash sales that have not stopped, each locked until the transaction ends; those another instance
     * is stopping are skipped (few: read whole, judged by the caller).
     */
    List<Campaign> lockLiveFlashSales() {
        return jdbc.sql("""
                        select * from campaign
                         where flash_sale is not null and status = 'LAUNCHED' and stopped_at is null
                         for update skip locked
                        """).query(this::map).list();
    }

    void markStopped(UUID id, String reason, Instant now) {
        jdbc.sql("update campaign set stopped_at = :now, stop_reason = :reason, updated_at = :now where id = :id")
                .param("now", ts(now))
                .param("reason", reason)
                .param("id", id)
                .update();
    }

    /** Launched campaigns with a test whose winner is not chosen yet (few: read whole, filtered by the caller). */
    List<Campaign> awaitingWinner() {
        return jdbc.sql("""
                        select * from campaign
                         where status = 'LAUNCHED' and experiment ->> 'winnerAfter' is not null
                           and experiment ->> 'winner' is null
                        """).query(this::map).list();
    }

    /**
     * Records the campaign's winner, unless one was recorded meanwhile (another instance): the row's lock holds
     * until the transaction that queues the rest commits, so the rest is queued once.
     */
    boolean chooseWinner(Campaign campaign, Experiment won, int queuedMore, Instant now) {
        return jdbc.sql("""
                                update campaign set experiment = cast(:experiment as jsonb),
                                                    audience_size = audience_size + :more, updated_at = :now
                                 where id = :id and experiment ->> 'winner' is null
                                """)
                        .param("experiment", json.writeValueAsString(won))
                        .param("more", queuedMore)
                        .param("now", ts(now))
                        .param("id", campaign.id())
                        .update()
                == 1;
    }

    private Campaign map(ResultSet rs, int row) throws SQLException {
        return new Campaign(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("template_key"),
                json.readValue(rs.getString("params"), PARAMS),
                Channel.valueOf(rs.getString("channel")),
                json.readValue(rs.getString("segment"), Segment.class),
                CampaignStatus.valueOf(rs.getString("status")),
                instant(rs, "scheduled_at"),
                instant(rs, "launched_at"),
                instant(rs, "cancelled_at"),
                rs.getString("failure_reason"),
                rs.getObject("audience_size", Integer.class),
                rs.getInt("launch_attempts"),
                rs.getObject("claim_token", UUID.class),
                instant(rs, "created_at"),
                json.readValue(rs.getString("experiment"), Experiment.class),
                rs.getBoolean("early_access"),
                instant(rs, "launch_at"),
                rs.getString("flash_sale") == null ? null : json.readValue(rs.getString("flash_sale"), FlashSale.class),
                instant(rs, "stopped_at"),
                rs.getString("stop_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

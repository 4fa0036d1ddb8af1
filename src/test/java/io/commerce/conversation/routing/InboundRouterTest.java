package io.commerce.conversation.routing;

import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.commerce.IntegrationTest;
import io.commerce.conversation.ServiceDesk;
import io.commerce.messaging.InboundMessageReceived;
import io.commerce.messaging.InboundMessagesReceived;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.util.AopTestUtils;

/**
 * A webhook batch's messages are routed in one transaction; when one of them cannot be routed, the others
 * still are (each again in its own transaction), the failure is thrown so that the event is delivered again,
 * and that delivery routes the rest without answering anyone twice; the batch's conversations that need a
 * person are given to agents at its end, within their capacity. The three messages are made one batch by
 * letting their own routing fail first: a trigger on the conversation's lines refuses the lines of the numbers
 * listed in a table the test fills.
 */
@IntegrationTest
class InboundRouterTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ServiceDesk desk;

    @Autowired
    ApplicationEvents events;

    @Autowired
    InboundRouter router;

    @BeforeEach
    void refuseTheLinesOfListedNumbers() {
        desk.alwaysOpen();
        desk.noAgentsAvailable();
        jdbc.sql("create table if not exists refused_phone (phone varchar(16) primary key)")
                .update();
        jdbc.sql("""
                create or replace function refuse_listed_phone() returns trigger language plpgsql as $$
                begin
                    if exists (select 1 from conversation c join refused_phone r on r.phone = c.phone
                                where c.id = new.conversation_id) then
                        raise exception 'line refused for the test';
                    end if;
                    return new;
                end $$""").update();
        jdbc.sql("drop trigger if exists refuse_listed_phone on conversation_message")
                .update();
        jdbc.sql("create trigger refuse_listed_phone before insert on conversation_message"
                        + " for each row execute function refuse_listed_phone()")
                .update();
    }

    @AfterEach
    void acceptEveryLineAgain() {
        jdbc.sql("drop trigger if exists refuse_listed_phone on conversation_message")
                .update();
        jdbc.sql("drop table if exists refused_phone").update();
        desk.reset();
    }

    @Test
    void aMessageThatCannotBeRoutedHoldsBackOnlyItselfAndIsRoutedWhenDeliveredAgain() {
        var ana = desk.customer("es");
        var bea = desk.customer("en");
        var eva = desk.customer("nl");
        Stream.of(ana, bea, eva).forEach(customer -> refuse(customer.phone()));
        ana.writes().writeOnWhatsApp("hola");
        bea.writes().writeOnWhatsApp("hello");
        eva.writes().writeOnWhatsApp("hallo");
        var batch = new InboundMessagesReceived(Stream.of(ana, bea, eva)
                .map(customer -> received(customer.id()))
                .toList());
        // each was routed alone as it arrived, and failed: nothing of them is in a conversation yet
        batch.messages().forEach(message -> awaitRoutingFailed(message.inboundId()));
        assertThat(lines(batch)).isZero();
        accept(ana.phone());
        accept(eva.phone());
        // as the event's next delivery, on this thread, with the three in one batch (as the intake batches them)
        InboundRouter target = AopTestUtils.getUltimateTargetObject(router);

        assertThatThrownBy(() -> target.on(batch)).hasMessageContaining("line refused for the test");
        assertThat(desk.sent(ana.id(), "conversation/bot")).hasSize(1);
        assertThat(desk.sent(eva.id(), "conversation/bot")).hasSize(1);
        assertThat(desk.sent(bea.id(), "conversation/bot")).isEmpty();
        assertThat(lines(batch)).isEqualTo(2);

        accept(bea.phone());
        target.on(batch);

        assertThat(desk.sent(bea.id(), "conversation/bot")).hasSize(1);
        assertThat(desk.sent(ana.id(), "conversation/bot")).hasSize(1);
        assertThat(desk.sent(eva.id(), "conversation/bot")).hasSize(1);
        assertThat(lines(batch)).isEqualTo(3);
    }

    @Test
    void conversationsOfOneBatchThatNeedAPersonAreGivenToAgentsWithinTheirCapacity() {
        var customers = Stream.of("es", "es", "es").map(desk::customer).toList();
        customers.forEach(customer -> refuse(customer.phone()));
        customers.forEach(customer -> customer.writes().writeOnWhatsApp("quiero hablar con una persona"));
        var batch = new InboundMessagesReceived(
                customers.stream().map(customer -> received(customer.id())).toList());
        batch.messages().forEach(message -> awaitRoutingFailed(message.inboundId()));
        customers.forEach(customer -> accept(customer.phone()));
        var agent = uniqueId("agent");
        desk.agent(agent, "[\"es\"]", 2);
        InboundRouter target = AopTestUtils.getUltimateTargetObject(router);

        target.on(batch); // the three in one transaction: the agent is given two at its end, the third waits

        var assignees = customers.stream()
                .map(customer -> jdbc.sql(
                                "select assignee from conversation where customer_id = ? and status <> 'RESOLVED'")
                        .param(customer.id())
                        .query(String.class)
                        .optional())
                .toList();
        assertThat(assignees)
                .filteredOn(Optional::isPresent)
                .hasSize(2)
                .allMatch(assignee -> assignee.get().equals(agent));
        assertThat(jdbc.sql("select open_conversations from agent where id = ?")
                        .param(agent)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        customers.forEach(customer -> assertThat(desk.sent(customer.id(), "conversation/bot"))
                .as("each told a person will answer")
                .hasSize(1));
    }

    @Test
    void aContactsSecondMessageInABatchSeesWhatTheFirstChanged() {
        var ana = desk.customer("es");
        refuse(ana.phone());
        ana.writes().writeOnWhatsApp("quiero hablar con una persona");
        ana.writes().writeOnWhatsApp("hola");
        var batch = new InboundMessagesReceived(events.stream(InboundMessagesReceived.class)
                .flatMap(received -> received.messages().stream())
                .filter(message -> ana.id().equals(message.customerId()))
                .toList());
        assertThat(batch.messages()).hasSize(2);
        batch.messages().forEach(message -> awaitRoutingFailed(message.inboundId()));
        accept(ana.phone());
        InboundRouter target = AopTestUtils.getUltimateTargetObject(router);

        target.on(batch); // both in one transaction: the greeting comes while she already waits for a person

        assertThat(lines(batch)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from conversation where customer_id = ? and queued_at is not null")
                        .param(ana.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(desk.sent(ana.id(), "conversation/bot"))
                .as("told a person will answer, and no menu for the greeting after it")
                .hasSize(1);
    }

    private InboundMessageReceived received(String customerId) {
        return events.stream(InboundMessagesReceived.class)
                .flatMap(received -> received.messages().stream())
                .filter(message -> customerId.equals(message.customerId()))
                .findFirst()
                .orElseThrow();
    }

    private void awaitRoutingFailed(long inboundId) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("""
                                select count(*) from event_publication
                                 where listener_id like '%InboundRouter%' and status = 'FAILED'
                                   and serialized_event like :message
                                """)
                                .param("message", "%\"inboundId\":" + inboundId + ",%")
                                .query(Long.class)
                                .single()
                        > 0);
    }

    private long lines(InboundMessagesReceived batch) {
        return jdbc.sql("select count(*) from conversation_message where inbound_id = any(:ids)")
                .param(
                        "ids",
                        batch.messages().stream()
                                .map(InboundMessageReceived::inboundId)
                                .toArray(Long[]::new))
                .query(Long.class)
                .single();
    }

    private void refuse(String phone) {
        jdbc.sql("insert into refused_phone (phone) values (?)").param(phone).update();
    }

    private void accept(String phone) {
        jdbc.sql("delete from refused_phone where phone = ?").param(phone).update();
    }
}

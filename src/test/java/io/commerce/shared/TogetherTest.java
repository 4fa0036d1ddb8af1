package io.commerce.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Rows written together and values read together: when they reach the database, and what is asked of it. */
class TogetherTest {

    private final List<List<String>> writes = new ArrayList<>();
    private final WrittenTogether<String> rows = new WrittenTogether<>(writes::add);

    private final List<Collection<String>> batchReads = new ArrayList<>();
    private final List<String> singleReads = new ArrayList<>();
    private final ReadTogether<String, Integer> lengths = new ReadTogether<>(keys -> {
        batchReads.add(List.copyOf(keys));
        return keys.stream().filter(key -> !key.isEmpty()).collect(Collectors.toMap(key -> key, String::length));
    });

    @Test
    void outsideARowIsWrittenAtOnce() {
        rows.write("a");
        rows.write("b");

        assertThat(writes).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void insideRowsAreWrittenInOneBatchWhenTheWorkReturnsAndANestedCallLeavesItToTheOuterOne() {
        rows.during(() -> {
            rows.write("a");
            rows.during(() -> rows.write("b"));
            assertThat(writes)
                    .as("nothing written before the outer call returns")
                    .isEmpty();
            rows.write("c");
        });

        assertThat(writes).containsExactly(List.of("a", "b", "c"));
        rows.write("d");
        assertThat(writes).as("written at once again").containsExactly(List.of("a", "b", "c"), List.of("d"));
    }

    @Test
    void aFlushWritesWhatWaitsSoThatAReadAfterItSeesIt() {
        rows.during(() -> {
            rows.write("a");
            rows.flush();
            assertThat(writes).containsExactly(List.of("a"));
            rows.flush();
            rows.write("b");
        });

        assertThat(writes).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void insideTheNamedKeysAreReadOnceTogetherAndOthersOneAtATime() {
        lengths.during(List.of("ab", "", "abcd"), () -> {
            assertThat(lengths.get("ab", () -> single("ab"))).contains(2);
            assertThat(lengths.get("abcd", () -> single("abcd"))).contains(4);
            assertThat(lengths.get("", () -> single("")))
                    .as("read, and nothing there")
                    .isEmpty();
            assertThat(lengths.get("xyz", () -> single("xyz"))).contains(3);
        });

        assertThat(batchReads).containsExactly(List.of("ab", "", "abcd"));
        assertThat(singleReads).containsExactly("xyz");
        assertThat(lengths.get("ab", () -> single("ab")))
                .as("outside: read one at a time")
                .contains(2);
        assertThat(singleReads).containsExactly("xyz", "ab");
    }

    @Test
    void aNestedCallUsesTheOuterCallsValuesAndReadsNothingMore() {
        lengths.during(
                List.of("ab"),
                () -> lengths.during(List.of("abc"), () -> {
                    assertThat(lengths.get("ab", () -> single("ab"))).contains(2);
                    assertThat(lengths.get("abc", () -> single("abc"))).contains(3);
                }));

        assertThat(batchReads).containsExactly(List.of("ab"));
        assertThat(singleReads).containsExactly("abc");
    }

    @Test
    void valuesTheCallerReadServeTheirKeysWithoutAnyRead() {
        lengths.with(Map.of("ab", 2), () -> {
            assertThat(lengths.get("ab", () -> single("ab"))).contains(2);
            assertThat(lengths.get("xyz", () -> single("xyz"))).contains(3);
        });

        assertThat(batchReads).isEmpty();
        assertThat(singleReads).containsExactly("xyz");
    }

    private Optional<Integer> single(String key) {
        singleReads.add(key);
        return key.isEmpty() ? Optional.empty() : Optional.of(key.length());
    }
}

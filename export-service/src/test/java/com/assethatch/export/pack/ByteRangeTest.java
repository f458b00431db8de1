package com.assethatch.export.pack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

    private static final String ETAG = "\"abc\"";
    private static final long LENGTH = 1000;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bytes=0-499|0|499", "bytes=500-|500|999", "bytes=-100|900|999", "bytes=990-5000|990|999",
        "bytes=-5000|0|999", "bytes=999-999|999|999", " bytes=1-2 |1|2"})
    void aSingleRangeIsServedClippedToTheEnd(String header, long first, long last) {
        assertThat(ByteRange.of(header, null, ETAG, LENGTH)).contains(new ByteRange(first, last, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-1,5-6", "items=0-5", "bytes=abc", "bytes=-", "bytes=5-2", "bytes 0-5", ""})
    void whatIsNotOneValidByteRangeMeansTheWholeResponse(String header) {
        assertThat(ByteRange.of(header, null, ETAG, LENGTH)).contains(ByteRange.whole(LENGTH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=5000-6000", "bytes=-0"})
    void aRangeThatStartsAtOrBeyondTheEndCannotBeSatisfied(String header) {
        assertThat(ByteRange.of(header, null, ETAG, LENGTH)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"\"abc\"|true", "\"other\"|false", "W/\"abc\"|false",
        "Tue, 01 Dec 2026 10:00:00 GMT|false"})
    void ifRangeKeepsTheRangeOnlyForTheSameEtag(String ifRange, boolean partial) {
        assertThat(ByteRange.of("bytes=10-", ifRange, ETAG, LENGTH).orElseThrow().partial()).isEqualTo(partial);
    }

    @ParameterizedTest
    @CsvSource({"0, 999, 1000", "10, 19, 10"})
    void theLengthAndContentRangeFollowTheBounds(long first, long last, long length) {
        ByteRange range = new ByteRange(first, last, true);

        assertThat(range.length()).isEqualTo(length);
        assertThat(range.contentRange(LENGTH)).isEqualTo("bytes " + first + "-" + last + "/1000");
    }
}

package dev.paperbot.index.source.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Fri, 23 Aug 2024 00:00:00 -0400 | 2024-08-23",
        "Sat, 31 Mar 2007 02:26:18 GMT | 2007-03-31",
        "Mon, 15 Apr 2013 19:33:21 GMT | 2013-04-15",
        "Thu, 18 Sep 2025 00:00:00 -0400 | 2025-09-18",
        "5 Jan 2024 23:30 EST | 2024-01-05",
        "Fri,  23 Feb 2024 05:00:11 +0000 | 2024-02-23",
    })
    void rfc822(String text, LocalDate expected) {
        assertThat(SourceDates.rfc822Date(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2019-11-27T16:52:52Z | 2019-11-27",
        "2003-07-07T13:46:39-04:00 | 2003-07-07",
        "2025-11-17 | 2025-11-17",
        "2024-10-25T00:57:09.392Z | 2024-10-25",
    })
    void iso(String text, LocalDate expected) {
        assertThat(SourceDates.isoDate(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"yesterday", "31/12/2024", "Fri, 32 Aug 2024 00:00:00 -0400", "''"})
    void garbage_is_empty(String text) {
        assertThat(SourceDates.rfc822Date(text)).isEmpty();
        assertThat(SourceDates.isoDate(text)).isEmpty();
    }
}

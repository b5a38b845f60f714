package social.starling.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Expected HTML mirrors Mastodon's TextFormatter output (spec/lib/text_formatter_spec.rb). */
class StatusFormatterTest {
    private final StatusFormatter formatter = new StatusFormatter("https://starling.example");

    private static final MentionedAccount ALICE = new MentionedAccount("alice", null,
            "https://starling.example/@alice");
    private static final MentionedAccount REMOTE_ALICE = new MentionedAccount("alice", "other.example",
            "https://other.example/@alice");
    private static final MentionedAccount BOB = new MentionedAccount("Bob", "remote.example",
            "https://remote.example/users/bob");

    /** Resolves from a fixed table keyed by lower-cased acct, like a preloaded account list. */
    private static MentionResolver accounts(MentionedAccount... known) {
        return (username, domain) -> {
            for (MentionedAccount account : known) {
                boolean sameDomain = account.domain() == null ? domain == null
                        : account.domain().equalsIgnoreCase(domain);
                if (account.username().equalsIgnoreCase(username) && sameDomain) {
                    return Optional.of(account);
                }
            }
            return Optional.empty();
        };
    }

    private String status(String text) {
        return formatter.formatStatus(text, accounts(ALICE, BOB));
    }

    @Nested
    class Paragraphs {
        @Test
        void wrapsTextInAParagraph() {
            assertThat(status("text")).isEqualTo("<p>text</p>");
        }

        @Test
        void turnsSingleLineBreaksIntoBr() {
            assertThat(status("line\nfeed")).isEqualTo("<p>line<br />feed</p>");
            assertThat(status("a\r\nb\rc")).isEqualTo("<p>a<br />b<br />c</p>");
        }

        @Test
        void splitsParagraphsOnBlankLines() {
            assertThat(status("one\n\ntwo")).isEqualTo("<p>one</p><p>two</p>");
            assertThat(status("one\n\n\n\ntwo\nthree")).isEqualTo("<p>one</p><p>two<br />three</p>");
            assertThat(status("one\r\n\r\ntwo")).isEqualTo("<p>one</p><p>two</p>");
        }

        @Test
        void leavesNoNewlineCharacters() {
            assertThat(status("a\n")).isEqualTo("<p>a</p>");
            assertThat(status("a\n\n\n")).isEqualTo("<p>a</p>");
            assertThat(status("a\n \nb")).isEqualTo("<p>a<br /> <br />b</p>");
            assertThat(status("line\nfeed\n\nmore")).doesNotContain("\n");
        }

        @Test
        void keepsRubysLeadingEmptyParagraph() {
            // Ruby's split keeps a leading empty field; Mastodon strips the text before it gets here.
            assertThat(status("\n\nfoo")).isEqualTo("<p></p><p>foo</p>");
        }

        @Test
        void formatsBlankTextAsNothing() {
            assertThat(status("")).isEmpty();
            assertThat(status("  \n ")).isEmpty();
            assertThat(formatter.formatStatus(null, MentionResolver.NONE)).isEmpty();
        }
    }

    @Nested
    class Escaping {
        @Test
        void escapesAScriptTag() {
            assertThat(status("<script>alert(\"Hello\")</script>"))
                    .isEqualTo("<p>&lt;script&gt;alert(&quot;Hello&quot;)&lt;/script&gt;</p>");
        }

        @Test
        void escapesAnImageAttack() {
            assertThat(status("<img src=\"javascript:alert('XSS');\">"))
                    .isEqualTo("<p>&lt;img src=&quot;javascript:alert(&#39;XSS&#39;);&quot;&gt;</p>");
        }

        @Test
        void escapesAmpersandsAndKeepsEntitiesLiteral() {
            assertThat(status("Fish & chips &amp; <b>")).isEqualTo("<p>Fish &amp; chips &amp;amp; &lt;b&gt;</p>");
        }

        @Test
        void keepsHtmlOutOfALink() {
            String html = status("http://example.com/b<del>b</del>");
            assertThat(html).contains("href=\"http://example.com/b\"").contains("&lt;del&gt;b&lt;/del&gt;")
                    .doesNotContain("<del>");
            String hidden = status("http://example.com/blahblahblahblah/a<script>alert(\"Hello\")</script>");
            assertThat(hidden).contains("\"http://example.com/blahblahblahblah/a\"")
                    .contains("&lt;script&gt;alert(&quot;Hello&quot;)&lt;/script&gt;");
        }

        @Test
        void escapesQuotesAndAmpersandsInsideLinks() {
            assertThat(status("https://example.com/search?a=1&b=2"))
                    .contains("href=\"https://example.com/search?a=1&amp;b=2\"");
            assertThat(status("https://example.com/it's")).contains("href=\"https://example.com/it&#39;s\"");
        }

        @Test
        void leavesAnInvalidUrlAsText() {
            assertThat(status("http://www\\.google\\.com")).isEqualTo("<p>http://www\\.google\\.com</p>");
        }
    }

    @Nested
    class Links {
        @Test
        void shortensALongUrlExactlyLikeMastodon() {
            assertThat(status("https://example.com/long/path/that/goes/on/and/on")).isEqualTo(
                    "<p><a href=\"https://example.com/long/path/that/goes/on/and/on\" target=\"_blank\""
                            + " rel=\"nofollow noopener\" translate=\"no\"><span class=\"invisible\">https://</span>"
                            + "<span class=\"ellipsis\">example.com/long/path/that/goe</span>"
                            + "<span class=\"invisible\">s/on/and/on</span></a></p>");
        }

        @Test
        void hidesWwwWithTheSchemeAndShowsAShortUrlWhole() {
            assertThat(status("see https://www.example.com/ now")).isEqualTo(
                    "<p>see <a href=\"https://www.example.com/\" target=\"_blank\" rel=\"nofollow noopener\""
                            + " translate=\"no\"><span class=\"invisible\">https://www.</span>"
                            + "<span class=\"\">example.com/</span><span class=\"invisible\"></span></a> now</p>");
        }

        @Test
        void showsTheLastCharacterRatherThanHideJustOne() {
            // Mastodon PR #33229: 31 shown characters rather than 30 and an ellipsis standing for one.
            String url = "https://prepitaph.org/wip/web-devspair/";
            assertThat(StatusFormatter.shortenedLink(url, false))
                    .contains("<span class=\"\">prepitaph.org/wip/web-devspair/</span>")
                    .contains("<span class=\"invisible\"></span></a>");
            // Two hidden characters stay hidden (the case of Mastodon's spec).
            String longer = "https://prepitaph.org/wip/web-dovespair/";
            assertThat(StatusFormatter.shortenedLink(longer, false))
                    .contains("<span class=\"ellipsis\">prepitaph.org/wip/web-dovespai</span>")
                    .contains("<span class=\"invisible\">r/</span>");
        }

        @Test
        void countsCodePointsWhenShortening() {
            String url = "https://nic.みんな/" + "日本".repeat(20);
            String html = StatusFormatter.shortenedLink(url, false);
            assertThat(html).contains("<span class=\"ellipsis\">nic.みんな/" + "日本".repeat(11) + "</span>");
        }

        @Test
        void linksAnIdnUrlAsTyped() {
            assertThat(status("https://nic.みんな/")).contains("href=\"https://nic.みんな/\"")
                    .contains("<span class=\"\">nic.みんな/</span>");
        }

        @Test
        void keepsUppercaseSchemesVisible() {
            // Mastodon's URL_PREFIX_REGEX is case-sensitive.
            assertThat(status("HTTPS://EXAMPLE.COM")).contains("<span class=\"invisible\"></span>"
                    + "<span class=\"\">HTTPS://EXAMPLE.COM</span>");
        }

        @Test
        void leavesTrailingPunctuationOutsideTheLink() {
            assertThat(status("(https://example.com/a.)"))
                    .startsWith("<p>(<a href=\"https://example.com/a\"")
                    .endsWith("</a>.)</p>");
        }
    }

    @Nested
    class Mentions {
        @Test
        void linksAResolvedMention() {
            assertThat(status("@alice")).isEqualTo("<p><span class=\"h-card\" translate=\"no\">"
                    + "<a href=\"https://starling.example/@alice\" class=\"u-url mention\">@<span>alice</span></a>"
                    + "</span></p>");
        }

        @Test
        void showsTheAccountsOwnSpellingOfTheUsername() {
            assertThat(status("hey @bob@REMOTE.example!")).isEqualTo("<p>hey <span class=\"h-card\" translate=\"no\">"
                    + "<a href=\"https://remote.example/users/bob\" class=\"u-url mention\">@<span>Bob</span></a>"
                    + "</span>!</p>");
        }

        @Test
        void leavesAnUnresolvedMentionAsText() {
            assertThat(status("@carol@nowhere.example hi")).isEqualTo("<p>@carol@nowhere.example hi</p>");
            assertThat(formatter.formatStatus("@alice", MentionResolver.NONE)).isEqualTo("<p>@alice</p>");
            assertThat(formatter.formatStatus("@alice", null)).isEqualTo("<p>@alice</p>");
        }

        @Test
        void showsDomainsWhenTwoMentionedAccountsShareAUsername() {
            String html = formatter.formatStatus("@alice @alice@other.example", accounts(ALICE, REMOTE_ALICE));
            assertThat(html).contains("@<span>alice</span>").contains("@<span>alice@other.example</span>");
        }

        @Test
        void asksTheResolverOncePerDistinctMention() {
            List<String> asked = new ArrayList<>();
            formatter.formatStatus("@alice @Alice @alice @bob@x.example", (username, domain) -> {
                asked.add(username + "@" + domain);
                return Optional.empty();
            });
            assertThat(asked).containsExactly("alice@null", "bob@x.example");
        }

        @Test
        void doesNotLinkAnEmailAddress() {
            assertThat(status("mail alice@example.com")).isEqualTo("<p>mail alice@example.com</p>");
        }

        @Test
        void escapesWhatTheResolverReturns() {
            MentionedAccount evil = new MentionedAccount("x<y", null, "https://e.example/\"><script>");
            String html = formatter.formatStatus("@x", (u, d) -> Optional.of(evil));
            assertThat(html).doesNotContain("<script>").contains("&quot;&gt;&lt;script&gt;").contains("x&lt;y");
        }
    }

    @Nested
    class Hashtags {
        @Test
        void linksAHashtag() {
            assertThat(status("#hashtag")).isEqualTo("<p><a href=\"https://starling.example/tags/hashtag\""
                    + " class=\"mention hashtag\" rel=\"tag\">#<span>hashtag</span></a></p>");
        }

        @Test
        void percentEncodesAUnicodeHashtagInTheUrl() {
            assertThat(status("#hashtagタグ")).contains("/tags/hashtag%E3%82%BF%E3%82%B0\" class=\"mention hashtag\""
                    + " rel=\"tag\">#<span>hashtagタグ</span></a>");
            assertThat(formatter.hashtagUrl("café")).isEqualTo("https://starling.example/tags/caf%C3%A9");
        }

        @Test
        void writesAFullWidthSignAsAnAsciiOne() {
            assertThat(status("＃tag")).contains(">#<span>tag</span></a>");
        }

        @Test
        void ignoresATrailingSlashInTheBaseUrl() {
            StatusFormatter slashed = new StatusFormatter("https://starling.example/");
            assertThat(slashed.hashtagUrl("a")).isEqualTo("https://starling.example/tags/a");
        }
    }

    @Test
    void formatsEverythingTogether() {
        String text = "Hello @alice!\nRead https://example.com/post about #Java.\n\nBye <3";
        assertThat(status(text)).isEqualTo("<p>Hello <span class=\"h-card\" translate=\"no\">"
                + "<a href=\"https://starling.example/@alice\" class=\"u-url mention\">@<span>alice</span></a></span>!"
                + "<br />Read <a href=\"https://example.com/post\" target=\"_blank\" rel=\"nofollow noopener\""
                + " translate=\"no\"><span class=\"invisible\">https://</span><span class=\"\">example.com/post</span>"
                + "<span class=\"invisible\"></span></a> about <a href=\"https://starling.example/tags/Java\""
                + " class=\"mention hashtag\" rel=\"tag\">#<span>Java</span></a>.</p><p>Bye &lt;3</p>");
    }

    @Test
    void formatsANoteLikeAStatus() {
        assertThat(formatter.formatNote("I post about #cats\n\nhttps://cats.example",
                accounts(ALICE))).startsWith("<p>I post about <a href=\"https://starling.example/tags/cats\"")
                .contains("</a></p><p><a href=\"https://cats.example\"");
    }

    @Test
    void formatsAFieldValueOnOneLineWithDomainsAndRelMe() {
        Map<String, String> cases = Map.of(
                "https://alice.example", "<a href=\"https://alice.example\" target=\"_blank\""
                        + " rel=\"nofollow noopener me\" translate=\"no\"><span class=\"invisible\">https://</span>"
                        + "<span class=\"\">alice.example</span><span class=\"invisible\"></span></a>",
                "@bob@remote.example", "<span class=\"h-card\" translate=\"no\">"
                        + "<a href=\"https://remote.example/users/bob\" class=\"u-url mention\">"
                        + "@<span>Bob@remote.example</span></a></span>",
                "a\nb", "a\nb");
        cases.forEach((value, html) ->
                assertThat(formatter.formatFieldValue(value, accounts(ALICE, BOB), true)).isEqualTo(html));
        assertThat(formatter.formatFieldValue("https://alice.example", MentionResolver.NONE, false))
                .contains("rel=\"nofollow noopener\"");
    }

    @Test
    void producesHtmlTheSanitizerKeeps() {
        String html = status("@alice see https://example.com/a/very/long/path/indeed/yes #tag");
        String sanitized = HtmlSanitizer.sanitize(html);
        assertThat(sanitized).contains("class=\"h-card\"", "class=\"u-url mention\"", "class=\"invisible\"",
                "class=\"ellipsis\"", "class=\"mention hashtag\"", "rel=\"nofollow noopener\"");
        assertThat(HtmlSanitizer.toPlainText(sanitized))
                .isEqualTo("@alice see https://example.com/a/very/long/path/indeed/yes #tag");
    }
}
